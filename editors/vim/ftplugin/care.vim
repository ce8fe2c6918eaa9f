" Vim filetype plugin
" Language:     carenet plan (.care)
" Maintainer:   carenet

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

" Comments run from # to the end of the line (for gc/commentary plugins and 'formatoptions').
setlocal commentstring=#\ %s
setlocal comments=:#
setlocal formatoptions-=t formatoptions+=croql

" The layout of `carenet fmt`: two spaces per block, no tabs.
setlocal expandtab shiftwidth=2 softtabstop=2

" :make checks the current file and fills the quickfix list (see compiler/carenet.vim).
if !exists('b:current_compiler')
  compiler carenet
endif
setlocal makeprg=carenet\ check\ %

" gf on the name in an import finds the plan file.
setlocal suffixesadd=.care

" :CarenetFmt puts the buffer in the canonical layout of `carenet fmt` (undo with u).  A plan
" that does not parse is left as it is: :make shows why.
command! -buffer -bar CarenetFmt call s:CarenetFmt()

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< expandtab<'
      \ . ' shiftwidth< softtabstop< makeprg< errorformat< suffixesadd<'
      \ . ' | unlet! b:current_compiler | delcommand -buffer CarenetFmt'

if !exists('s:did_functions')
  let s:did_functions = 1
  function! s:CarenetFmt() abort
    let lines = getline(1, '$')
    let null = has('win32') ? 'NUL' : '/dev/null'
    let formatted = systemlist('carenet fmt - 2>' . null, lines)
    if v:shell_error
      echohl ErrorMsg
      echomsg 'carenet fmt: the plan does not parse (or carenet is not installed); :make shows why'
      echohl None
      return
    endif
    if formatted ==# lines
      return
    endif
    let view = winsaveview()
    call setline(1, formatted)
    if line('$') > len(formatted)
      silent execute 'keepjumps' (len(formatted) + 1) . ',$delete _'
    endif
    call winrestview(view)
  endfunction
endif

let &cpo = s:cpo_save
unlet s:cpo_save
