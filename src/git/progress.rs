//! A progress bar for long history scans: on stderr, only when it is a terminal, and only
//! once a scan has run for a second.

use std::cell::Cell;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: Cell<bool>,
    ticks: Cell<u64>,
}

impl Progress {
    /// A bar that may appear; `enabled` false (or a stderr that is not a terminal) never draws.
    pub fn new(enabled: bool) -> Progress {
        let bar = (enabled && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::hidden();
            if let Ok(style) =
                ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({elapsed})")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: Cell::new(false),
            ticks: Cell::new(0),
        }
    }

    /// A new stage of `len` steps.
    pub fn stage(&self, message: &'static str, len: usize) {
        if let Some(bar) = &self.bar {
            bar.set_message(message);
            bar.set_length(len as u64);
            bar.set_position(0);
        }
    }

    pub fn tick(&self) {
        let Some(bar) = &self.bar else { return };
        self.ticks.set(self.ticks.get() + 1);
        // Checking the clock on every step would cost more than the step.
        if !self.shown.get()
            && self.ticks.get().is_multiple_of(64)
            && self.started.elapsed() > Duration::from_secs(1)
        {
            self.shown.set(true);
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.inc(1);
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
