# vanban's messages in English. Every id here has a Vietnamese twin in
# i18n/vi/vanban.ftl (a test checks both ways). Arguments are text, except
# counts (numbers, for plural forms).

## Diagnostics: what is wrong

text = { $text }
at-prefix = { $at }:
yaml-syntax = the file is not valid YAML: { $detail }
yaml-unclosed-quote = this quote { $quote } is opened here and never closed
yaml-colon = a `: ` in the middle of this line starts a new key
yaml-tab = this line is indented with a tab
yaml-indent-more = this line is indented more than the keys beside it
yaml-indent-less = this line is indented less than the keys of its group, so `{ $key }` falls out of the group
yaml-list-mix = this line mixes a list item (`- `) with keys at the same indentation
yaml-duplicate-key = the key `{ $key }` appears twice in the same group
document-empty = the document is empty
document-not-keys = a document must be a list of keys (`loai:`, `co_quan:`, …)
too-large = { $bytes } bytes is more than the { $max } bytes a document may have
typing = { $detail }
unknown-key = unknown key `{ $key }`
unknown-block = unknown block `{ $key }`
unknown-kind = unknown kind of document `{ $value }`
    known kinds: { $kinds }
unknown-value = `{ $value }` is not allowed here
wrong-type = expected { $want ->
        [string] a text
        [number] a number, for example 14 or 2.5
        [integer] a whole number, for example 3
        [list] a list (one `- ` item per line)
        [map] keys under it (one `key: value` per line, indented)
        [bool] `true` or `false`
        [text-or-list] a text or a list of texts
        [number-or-text] a number or a text
        [cell] a table cell: a text or a number
        [row] a table row: a list of cells
        [rows] a list of rows, each a list of cells
        [table] a table: `dau` (header cells) and `dong` (rows)
        [block] a paragraph (text) or a block such as `muc:`, `khoan:`, `gach:`, `bang:`
        [recipient] a recipient (text) or a group such as `Bản điện tử: [ … ]`
        [date] a date such as 2023-10-02
       *[other] { $wanttext }
    }, found { $got ->
        [map] a `key: value` pair
        [string] the text "{ $value }"
        [number] the number { $value }
        [list] a list
        [bool] `{ $value }`
        [null] nothing
       *[other] { $value }
    }
missing-key = the key `{ $key }` is missing
date-invalid = `{ $value }` is not a date: write `2023-10-02` or `02/10/2023` (a draft may write `2023-10`, `10/2023` or `2023`)
date-no-month = `{ $value }`: month { $month } does not exist
date-no-day = `{ $value }`: day { $day } does not exist in month { $month }/{ $year }
out-of-range = { $value } { $unit } is outside the range NĐ30 allows, { $lo }–{ $hi } { $unit }
quoc-hieu-size = { $value } pt; NĐ30 pairs a Quốc hiệu of 12 pt (Tiêu ngữ 13) or 13 pt (Tiêu ngữ 14)
not-positive = `{ $value }` is not a usable number here: write a number above 0
row-cells = row { $n } of the table has { $got } cells, but the table has { $want } columns (as many as { $from ->
        [dau] the header `dau`
       *[cot] the widths `cot`
    })
image-format = `{ $value }`: a signature or seal must be a PNG, JPG or SVG image (a file ending in .png, .jpg, .jpeg or .svg)
image = { $detail }
template-in-text = in a template of the text: { $detail }
template-undefined = in a template of the text: `{ $name }` is not defined
layout-template = { $detail }
layout-failed-on-value = the layout failed on this value: { $detail }
typst = { $detail }
typst-generated-as = Typst got this text as `{ $snippet }` (line { $line } of { $file ->
        [none] the generated source; `vanban build --typst` keeps it
       *[other] `{ $file }`
    })
typst-trace = { $detail }
warning = { $text }

## Diagnostics: how to fix it

did-you-mean = did you mean `{ $key }`?
allowed = allowed here: { $keys }
add-key = add the line `{ $key }: …` to the document
template-variables = variables come from `bien:` (and `nam`, the document's year)
tab-indent = indent with spaces: YAML does not allow tabs
quote-item = YAML read `{ $rest }` as a key and a value; put the item in quotes: - "{ $quoted }"
quote-colon = a `: ` inside a text makes YAML read a key; put the text in quotes: { $fixed }
not-text = YAML reads `{ $value }` as a value, not a text; write "{ $value }" for the text
hash-comment = ` #` starts a comment in YAML; put the text in quotes
close-quote = end the text with the same quote: { $fixed }
align-key = start the key in column { $column }, like the keys beside it (spaces only)
typst-hint = { $text }
label-help = help
label-note = note
at-place = { $message } at { $place }

## Progress and summary lines

documents-failed = { $failed } of { $total } { $total ->
        [one] document
       *[other] documents
    } failed
checked-ok = { $path }: ok
