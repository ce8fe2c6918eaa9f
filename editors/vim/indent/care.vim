" Vim indent file
" Language:     carenet plan (.care)
" Follows the layout of `carenet fmt`: two spaces (shiftwidth) per block, a line that
" continues a statement (after , an operator .. : or () two spaces more than the line the
" statement starts on, and text inside """...""" left as it is.

if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal autoindent
setlocal indentexpr=GetCareIndent(v:lnum)
setlocal indentkeys=0{,0},!^F,o,O

let b:undo_indent = 'setlocal autoindent< indentexpr< indentkeys<'

if exists('*GetCareIndent')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" The line without its comment (a # inside a "string" is not a comment).
function! s:Code(lnum) abort
  let line = getline(a:lnum)
  let line = substitute(line, '^\%([^"#]\|"\%([^"\\]\|\\.\)*"\)*\zs#.*$', '', '')
  return substitute(line, '\s\+$', '', '')
endfunction

" Does line lnum end in a token that carries the statement on to the next line?
function! s:Continues(lnum) abort
  return s:Code(a:lnum) =~# '\%([,(:=+*/<>-]\|\.\.\)$'
endfunction

function! s:InString(lnum, col) abort
  return synIDattr(synID(a:lnum, a:col, 1), 'name') =~# 'String'
endfunction

function! GetCareIndent(lnum) abort
  " Inside a """...""" string the text is kept as written.
  if has('syntax_items') && s:InString(a:lnum, 1) && s:InString(a:lnum - 1, max([col([a:lnum - 1, '$']) - 1, 1]))
    return -1
  endif
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  " The first line of the statement that prev belongs to: back over the lines of a
  " """...""" string and over lines continued from the line before.
  let start = prev
  while 1
    while start > 1 && has('syntax_items') && (s:InString(start, 1)
          \ || (getline(start) =~# '^\s*$' && s:InString(start - 1, max([len(getline(start - 1)), 1]))))
      let start -= 1
    endwhile
    let before = prevnonblank(start - 1)
    if before == 0 || !s:Continues(before)
      break
    endif
    let start = before
  endwhile
  let ind = indent(start)
  " Braces opened (or closed) on prev, not counting the } it starts with.
  let code = substitute(s:Code(prev), '"\%([^"\\]\|\\.\)*"', '""', 'g')
  let code = substitute(code, '^\s*}\+', '', '')
  let depth = len(substitute(code, '[^{]', '', 'g')) - len(substitute(code, '[^}]', '', 'g'))
  if depth != 0
    let ind += depth * shiftwidth()
  elseif s:Continues(prev)
    let ind += shiftwidth()
  endif
  if getline(a:lnum) =~# '^\s*}'
    let ind -= shiftwidth()
  endif
  return ind < 0 ? 0 : ind
endfunction

let &cpo = s:cpo_save
unlet s:cpo_save
