" Vim compiler file
" Compiler:     carenet (checks .care plans of caring neighbourhoods)
" Usage:        :compiler carenet, then :make  (the ftplugin does this for .care buffers)
"
" carenet writes diagnostics in the form of gcc and clang:
"
"   plan.care:5:44: error: need 'x' is not addressed in area 'zuid': ... [E701]
"       5 | need x "X" { in noord, zuid }
"         |                        ^~~~
"   plan.care:6:8: note: action 'y' addresses it but does not run in zuid
"       6 | action y "Y" {
"         |        ^
"      = a hint, or the list of what would fit
"   carenet: error: cannot read missing.care: No such file or directory [E001]
"   carenet: 1 need in 2 need-areas: 1 covered, 0 signalled, 1 gap; 1 error, 0 warnings
"
" Each error, warning and note becomes one quickfix entry (type e, w or n) with its file,
" line and column.  A "   = hint" line is added to the message of the entry above it.  The
" source excerpt ("  NN | ...") and the caret line ("     | ^~~") are left out.  A
" diagnostic without a place ("carenet: error: ...") is an entry without a file, and the
" summary line is kept as a line of text.

if exists('current_compiler')
  finish
endif
let current_compiler = 'carenet'

" Vim before 6.1 has no :CompilerSet.
if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

" The file to check is the current one; override with :make other.care or :set makeprg.
CompilerSet makeprg=carenet\ check\ %

" The patterns, as they are in the option (before escaping for :CompilerSet).
let s:efm = [
      \ '%A%f:%l:%c: %trror: %m',
      \ '%A%f:%l:%c: %tarning: %m',
      \ '%A%f:%l:%c: %tote: %m',
      \ '%-C %#%*\d |%.%#',
      \ '%-C %#|%.%#',
      \ '%C %#= %m',
      \ '%Acarenet: %trror: %m',
      \ '%+Gcarenet: %m',
      \ '%-G%.%#',
      \ ]
execute 'CompilerSet errorformat=' . escape(join(s:efm, ','), ' \|"')
unlet s:efm

" carenet counts columns in characters (a tab is one, so is é); Vim's %c counts bytes.  After
" :make (or :cfile and the like) with this compiler, turn each column into the byte column of
" that character, so the cursor lands on the problem on lines with accents as well.
function! s:ByteColumns(loclist) abort
  if get(b:, 'current_compiler', get(g:, 'current_compiler', '')) !=# 'carenet'
    return
  endif
  let list = a:loclist ? getloclist(0) : getqflist()
  let files = {}
  let changed = 0
  for e in list
    if !e.valid || e.bufnr <= 0 || e.lnum <= 0 || e.col <= 1 || get(e, 'vcol', 0)
      continue
    endif
    let text = getbufline(e.bufnr, e.lnum)
    if empty(text)
      let name = bufname(e.bufnr)
      if !has_key(files, name)
        let files[name] = filereadable(name) ? readfile(name) : []
      endif
      let text = e.lnum <= len(files[name]) ? [files[name][e.lnum - 1]] : []
    endif
    if empty(text)
      continue
    endif
    " byteidxcomp() counts a composing character on its own, as carenet does.
    let byte = byteidxcomp(text[0], e.col - 1)
    if byte >= 0 && byte + 1 != e.col
      let e.col = byte + 1
      let changed = 1
    endif
  endfor
  if changed
    if a:loclist
      call setloclist(0, list, 'r')
    else
      call setqflist(list, 'r')
    endif
  endif
endfunction

augroup carenet_compiler
  autocmd!
  autocmd QuickFixCmdPost make,cfile,cgetfile,caddfile call s:ByteColumns(0)
  autocmd QuickFixCmdPost lmake,lfile,lgetfile,laddfile call s:ByteColumns(1)
augroup END

let &cpo = s:cpo_save
unlet s:cpo_save
