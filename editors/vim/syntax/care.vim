" Vim syntax file
" Language:     carenet plan (.care), the plan language of caring neighbourhoods
" Filenames:    *.care
" Reference:    docs/language.md of carenet
"
" Groups: careDeclaration (plan, area, need, ...), careKeyword (in, to, with), careDefName
" (the name a declaration declares), careProperty (a property name at the start of a line or
" after { or ; inside a block), careChoice (low ... stopped), careString and careTripleString
" with careEscape and careEscapeError, careNumber, carePercent, careDate, careNumberError,
" careFunction, careOperator, careDelimiter, careComment and careTodo.

if exists('b:current_syntax')
  finish
endif
scriptencoding utf-8

let s:cpo_save = &cpo
set cpo&vim

syn case match
" A """...""" string or a block may be long: always parse from the start (plans are small).
syn sync fromstart

" ---- comments ---------------------------------------------------------------------------
syn keyword careTodo contained TODO FIXME XXX NOTE
syn match careComment "#.*$" contains=careTodo,@Spell

" ---- numbers and dates ------------------------------------------------------------------
" Anything that starts with a digit and is not a number or a date is E105 (3.120.000, 12k,
" 12_); the valid forms are defined after it, so they win where they match the whole word.
syn match careNumberError "\<\d[0-9_.]*[A-Za-z0-9_%]*"
syn match careNumber  "\<\d\+\%(_\d\+\)*\%(\.\d\+\%(_\d\+\)*\)\=\%([A-Za-z0-9_.%]\)\@!"
syn match carePercent "\<\d\+\%(_\d\+\)*\%(\.\d\+\%(_\d\+\)*\)\=%\%([A-Za-z0-9_.%]\)\@!"
syn match careDate    "\<\d\{4}-\d\{2}\%(-\d\{2}\)\=\>"

" ---- strings ----------------------------------------------------------------------------
syn match careEscapeError contained "\\\_."
syn match careEscape      contained +\\["\\nt]+
syn match careEscape      contained "\\u{\x\{1,6}}"
syn region careString       start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=careEscape,careEscapeError,@Spell
" Defined after careString, so a """ starts a triple-quoted string, not an empty one.
syn region careTripleString start=+"""+ skip=+\\\\\|\\"+ end=+"""+ contains=careEscape,careEscapeError,@Spell
" Curly quotes from a word processor: carenet reports them (E101).
syn match careCurlyQuote "[“”„]"

" ---- expressions ------------------------------------------------------------------------
syn match careFunction "\<\%(sum\|min\|max\|round\|ceil\|floor\)\ze\s*("
syn match careDelimiter "[,:;.]"
" Defined after careDelimiter, so .. is one operator.
syn match careOperator "\.\.\|[<>=!]=\|[-+*/<>=]"

" ---- words ------------------------------------------------------------------------------
syn keyword careChoice low laag medium middel high hoog planned gepland running lopend done afgerond stopped gestopt sent verstuurd received ontvangen in_progress in_behandeling answered beantwoord refused geweigerd passed_on doorgegeven analysis analyse implementation uitvoering evaluation evaluatie higher_is_better hoger_is_beter lower_is_better lager_is_beter

" At the top level: declarations and the words of their headers.
syn keyword careDeclaration import importeer plan let waarde municipality gemeente area gebied body orgaan kind soort capability aanbod block
syn keyword careDeclaration bouwsteen group doelgroep actor need nood action actie metric meetinstrument signal signaal answer antwoord accept aanvaard
syn keyword careKeyword in to naar tot with met until on op
syn match careDefName "\%(\<\%(plan\|municipality\|gemeente\|area\|gebied\|body\|orgaan\|kind\|soort\|capability\|aanbod\|block\|bouwsteen\|group\|doelgroep\|actor\|need\|nood\|action\|actie\|metric\|meetinstrument\|let\|waarde\)\s\+\)\@<=\h\w*"

" Blocks: inside them every word may name a property, so the declaration keywords are not
" highlighted there (kind, group, in, to, ... are properties).
syn region careBlock matchgroup=careBrace start="{" end="}" fold transparent
      \ contains=careBlock,careComment,careString,careTripleString,careCurlyQuote,
      \careNumberError,careNumber,carePercent,careDate,careFunction,careOperator,
      \careDelimiter,careChoice,careProperty,careRangeWord,careIndicatorName,careParen,careParenError
syn match careBraceError "}"

" `to` in the middle of a line: the end of a range (from 2025-03 to 2026-12); defined
" before careProperty, so a `to` that starts a line is the property.
syn match careRangeWord contained "\<\%(to\|tot\)\>"
" A property name: the first word of a line, or the first word after { or ;.
syn match careProperty contained "\%(^\s*\|[{;]\s*\)\@<=\<\%(municipality\|gemeente\|body\|orgaan\|period\|periode\|as_of\|peildatum\|owner\|eigenaar\|phase\|fase\|population\|inwoners\|group\|doelgroep\|nis\|postcode\|merged_into\|opgegaan_in\|kind\|soort\|members\|leden\|escalates_to\|escaleert_naar\|alias\|handled_by\|behandeld_door\|part_of\|deel_van\|serves\|bedient\|provides\|biedt\|contact\|in\|block\|bouwsteen\|requires\|vraagt\|priority\|prioriteit\|evidence\|onderbouwing\|indicator\|addresses\|voor\|lead\|trekker\|partners\|from\|van\|to\|tot\|status\|adjusted\|bijgestuurd\|unit\|eenheid\|scale\|schaal\|direction\|richting\|baseline\|nulmeting\|target\|doel\|by\|tegen\|measure\|meting\|sample\|steekproef\|metric\|meetinstrument\|sent\|verstuurd\|reply\|reactie\|expected\|verwacht\|received\|ontvangen\|unconfirmed\|onbevestigd\|description\|beschrijving\|source\|bron\)\>"
" The ID of an indicator.
syn match careIndicatorName contained "\%(\<indicator\s\+\)\@<=\h\w*"

syn region careParen matchgroup=careParenDelim start="(" end=")" transparent
      \ contains=careParen,careComment,careNumberError,careNumber,carePercent,careDate,
      \careFunction,careOperator,careDelimiter,careString
syn match careParenError ")"

" ---- links ------------------------------------------------------------------------------
hi def link careComment       Comment
hi def link careTodo          Todo
hi def link careDeclaration   Keyword
hi def link careKeyword       Keyword
hi def link careRangeWord     Keyword
hi def link careDefName       Function
hi def link careIndicatorName Function
hi def link careProperty      Type
hi def link careChoice        Constant
hi def link careString        String
hi def link careTripleString  String
hi def link careEscape        SpecialChar
hi def link careEscapeError   Error
hi def link careCurlyQuote    Error
hi def link careNumber        Number
hi def link carePercent       Float
hi def link careDate          Special
hi def link careNumberError   Error
hi def link careFunction      Function
hi def link careOperator      Operator
hi def link careDelimiter     Delimiter
hi def link careBrace         Delimiter
hi def link careParenDelim    Delimiter
hi def link careBraceError    Error
hi def link careParenError    Error

let b:current_syntax = 'care'

let &cpo = s:cpo_save
unlet s:cpo_save
