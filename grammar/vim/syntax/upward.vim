" Vim syntax file
" Language: upward journal (*.up)
" The token rules follow grammar/README.md: a person, tag or handle starts a word (or follows
" `(`) and does not end in `.`, `-` or `/`; a field is `key:value` with a known key.

if exists('b:current_syntax')
  finish
endif

syn case match

" A letter or digit, non-ASCII letters included.
let s:w = '\%([[:alnum:]_]\|[^\x00-\x7f]\)'
let s:keys = 'due\|rank\|status\|dur\|via\|tone\|outcome\|until\|impact\|informed\|allow\|solution\|cadence\|updates\|detail\|words\|channel\|since'

" Comments: a `;` that starts a line or a word, to the end of the line.
syn match upwardComment /\%(^\|[ \t]\)\@1<=;.*$/ contains=@Spell
" Headings: `# ` or `##` at column 0.
syn match upwardHeading /^\%(# \|##\).*$/

" Entry headers: DATE [HH:MM] KIND.
syn match upwardDate /^\d\{4}-\d\{2}-\d\{2}\ze\%([ \t]\|$\)/ nextgroup=upwardTime,upwardKind skipwhite
syn match upwardTime /\d\{2}:\d\{2}\ze\%([ \t]\|$\)/ contained nextgroup=upwardKind skipwhite
syn keyword upwardKind contained priority checkin update feedback ask did initiative win problem
syn keyword upwardKind contained promise done slip pitch decision escalate career away

" Directives.
syn match upwardDirective /^\%(boss\|scope\|include\|set\)\ze\%([ \t]\|$\)/

" People, tags, handles.
execute 'syn match upwardPerson /\%(^\|[ \t]\)\@1<=(*\zs@\%(' . s:w . '\|[.-]\)*' . s:w . '/'
execute 'syn match upwardTag /\%(^\|[ \t]\)\@1<=(*\zs#\%([[:alpha:]]\|[^\x00-\x7f]\)\%(\%(' . s:w . '\|[/-]\)*' . s:w . '\)\=/'
syn match upwardHandle /\%(^\|[ \t]\)\@1<=(*\zs\^[[:lower:]0-9_-]*[[:lower:]0-9_]/

" Fields: `key:value` in a header or an action, `key: value` as a body line.
execute 'syn match upwardFieldKey /\%(^\|[ \t]\)\@1<=\%(' . s:keys . '\):\ze[^ \t]/ nextgroup=upwardFieldValue'
syn match upwardFieldValue /[^ \t]\{-1,}\ze[,.)]\=\%([ \t]\|$\)/ contained
execute 'syn match upwardBodyKey /^[ \t]\+\zs\%(' . s:keys . '\):\ze[ \t]*[^ \t;]/ nextgroup=upwardBodyValue skipwhite'
syn match upwardBodyValue /.\{-1,}\ze\%([ \t]\+;\|[ \t]*$\)/ contained

" Body markers: actions, notes, questions, quotes.
syn match upwardActionOpen /^[ \t]\+\%(-[ \t]\+\)\=\zs\[ \]\ze\%([ \t]\|$\)/
syn match upwardActionDone /^[ \t]\+\%(-[ \t]\+\)\=\zs\[[xX]\]\ze\%([ \t]\|$\)/
syn match upwardActionDropped /^[ \t]\+\%(-[ \t]\+\)\=\zs\[-\]\ze\%([ \t]\|$\)/
syn match upwardNote /^[ \t]\+\zs-\ze\%([ \t]\|$\)/
syn match upwardQuestion /^[ \t]\+\zs?\%([ \t].*\)\=$/ contains=upwardComment,upwardPerson,upwardTag,upwardHandle
syn match upwardQuote /^[ \t]\+\zs>\%([ \t].*\)\=$/ contains=upwardComment,upwardPerson,upwardTag,upwardHandle

hi def link upwardComment Comment
hi def link upwardHeading Title
hi def link upwardDate Constant
hi def link upwardTime Number
hi def link upwardKind Keyword
hi def link upwardDirective PreProc
hi def link upwardPerson Identifier
hi def link upwardTag Tag
hi def link upwardHandle Function
hi def link upwardFieldKey Type
hi def link upwardFieldValue String
hi def link upwardBodyKey Type
hi def link upwardBodyValue String
hi def link upwardActionOpen Todo
hi def link upwardActionDone Special
hi def link upwardActionDropped Comment
hi def link upwardNote Delimiter
hi def link upwardQuestion Question
hi def link upwardQuote String

let b:current_syntax = 'upward'
