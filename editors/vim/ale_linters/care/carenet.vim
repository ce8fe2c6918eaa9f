" ale_linters/care/carenet.vim — carenet's language server (carenet lsp) for ALE.
" With ALE installed and these files on the runtimepath, a .care buffer is checked as you
" type; :ALEGoToDefinition, :ALEFindReferences, :ALEHover and ALE's completion
" (g:ale_completion_enabled) ask the server.  See docs/editors.md.
call ale#linter#Define('care', {
\   'name': 'carenet',
\   'lsp': 'stdio',
\   'executable': {buffer -> get(g:, 'carenet_program', 'carenet')},
\   'command': '%e lsp',
\   'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
\})
