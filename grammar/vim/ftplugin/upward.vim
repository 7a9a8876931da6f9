" upward journals: comments, indentation and formatting.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

" `;` starts a comment; `gc` (commentary) and `gq` use these.
setlocal commentstring=;\ %s
setlocal comments=:;
" Bodies are indented two spaces, as `upward fmt` writes them.
setlocal expandtab shiftwidth=2 softtabstop=2
" `gq` runs the canonical layout: select the whole buffer (`gggqG`), since a body line
" alone has no entry to belong to. A buffer with errors comes back unchanged.
setlocal formatprg=upward\ fmt\ --stdin

let b:undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< formatprg<'
