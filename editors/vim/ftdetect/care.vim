" carenet plan files: *.care
autocmd BufRead,BufNewFile *.care set filetype=care
