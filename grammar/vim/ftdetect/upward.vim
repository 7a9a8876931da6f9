" upward journals: *.up files.
autocmd BufRead,BufNewFile *.up setfiletype upward
