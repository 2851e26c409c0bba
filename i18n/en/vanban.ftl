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
ref-cannot-open = cannot open { $what ->
        [image] the image
       *[other] the file
    } `{ $path }` ({ $full }): { $reason }
ref-outside = { $what ->
        [image] the image
       *[other] the file
    } `{ $path }` is outside the project folder `{ $root }`; files a document uses must lie inside it (the project folder is the folder given to `vanban serve` (or to `build`/`check`), else the nearest folder above the document holding a `vanban.toml` file (it may be empty) or `.git`, else the document's own folder; put an empty `vanban.toml` in the folder that holds all the documents that use each other)
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
label-error = error
label-warning = warning
label-help = help
label-note = note
at-place = { $message } at { $place }

## Progress and summary lines

documents-failed = { $failed } of { $total } { $total ->
        [one] document
       *[other] documents
    } failed
checked-ok = { $path }: ok

## Command line: `vanban --help` and the help of each command

cli-about = Vietnamese official documents (Nghị định 30/2020/NĐ-CP) from YAML to PDF.
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-help = Print help
cli-version = Print version
cli-arg-lang = Language of messages and help: vi (Vietnamese, the default) or en; without it, LANG/LC_MESSAGES/LANGUAGE starting with `en` choose English
cli-examples =
    Examples:
      vanban build data/examples/cong-van.yaml            # writes data/examples/cong-van.pdf
      vanban build data/ -o out/                          # every document under data/, in parallel
      vanban build data/2023/*.yaml -o out/ --typst       # PDFs and generated .typ into out/
      vanban build cong-van.yaml --format png --dpi 100   # cong-van-1.png, cong-van-2.png, …
      vanban build ke-hoach.yaml --font-path ~/fonts --font "Times New Roman"
      vanban watch ke-hoach.yaml --format pdf,png         # rebuild on every save
      vanban build kh.yaml --pdf-a --embed-source         # archive: PDF/A-3b carrying its YAML
      vanban extract kh.pdf -o kh-src/                    # the YAML back out of the PDF
      vanban check data/**/*.yaml                         # validate, write nothing
      vanban schema > vanban.schema.json                  # JSON Schema for editors
      vanban list data/ --format csv                      # register of documents, by date
      vanban new --from cv-2022.yaml --year 2023 -o cv-2023.yaml   # next year's draft
      vanban derive tinh/ke-hoach.yaml -o huyen/ke-hoach.yaml      # child skeleton
      vanban diff huyen/ke-hoach.yaml                     # what the child changes
      vanban serve data/ --open                           # web editor with live preview
      vanban cap-so cong-van.yaml                         # next number: so/ngay written, register, PDF
      vanban thu-hoi cong-van.yaml --reason "ban hành nhầm"  # withdrawn, never reused
      vanban so-dang-ky --year 2026 -o so-2026.pdf        # the printed register (or .xlsx, .csv)
      vanban tron-thu giay-moi.yaml khach.csv             # one numbered giấy mời per row

    Exit codes: 0 ok, 1 document error, 2 usage error.

cli-build-about = Build PDFs from YAML documents (folders: every document under them)
cli-build-arg-files = YAML documents or folders
cli-build-arg-out = Output folder (default: beside each input)
cli-build-arg-typst = Also write the generated Typst source (NAME.typ)
cli-build-arg-pdf_a = Produce PDF/A for archiving: PDF/A-2b, or PDF/A-3b with --embed-source
cli-build-arg-embed_source = Attach the YAML and the files it is built from to the PDF (vanban extract gets them back)
cli-build-arg-format = What to write (comma-separated or repeated): the PDF, or one picture per page (NAME-1.png, NAME-2.png, …)
cli-build-arg-dpi = Resolution of PNG pictures, in dots per inch
cli-build-arg-font_path = Add fonts from this folder (repeatable), e.g. an office's Times New Roman
cli-build-arg-font = Body font family (default: Times New Roman if found, else Liberation Serif)
cli-build-arg-layouts = Read the layouts from this folder instead of the built-in copies (also VANBAN_LAYOUTS)
cli-watch-about = Build a document, then rebuild it each time it or a parent is saved
cli-watch-arg-file = The YAML document
cli-watch-arg-out = { cli-build-arg-out }
cli-watch-arg-typst = { cli-build-arg-typst }
cli-watch-arg-pdf_a = { cli-build-arg-pdf_a }
cli-watch-arg-embed_source = { cli-build-arg-embed_source }
cli-watch-arg-format = { cli-build-arg-format }
cli-watch-arg-dpi = { cli-build-arg-dpi }
cli-watch-arg-font_path = { cli-build-arg-font_path }
cli-watch-arg-font = { cli-build-arg-font }
cli-watch-arg-layouts = { cli-build-arg-layouts }
cli-extract-about = Get back the YAML sources embedded with build --embed-source
cli-extract-arg-pdf = The PDF
cli-extract-arg-out = Folder to write them into (default: NAME-source beside the PDF)
cli-check-about = Validate documents (YAML, vocabulary, layout) without writing anything
cli-check-arg-files = { cli-build-arg-files }
cli-check-arg-font_path = { cli-build-arg-font_path }
cli-check-arg-font = { cli-build-arg-font }
cli-check-arg-layouts = { cli-build-arg-layouts }
cli-schema-about = Print the JSON Schema of the document vocabulary, for editors
cli-list-about = The register: every document under a folder, sorted by date
cli-list-arg-dir = Folder to scan
cli-list-arg-format = Output format
cli-new-about = Next year's draft of a document: dates moved, number cleared
cli-new-arg-from = Last year's document
cli-new-arg-year = The new year
cli-new-arg-dry_run = Print the changes and the spots to review, write nothing
cli-new-arg-out = Where to write (default: print)
cli-derive-about = Write a child skeleton that inherits from PARENT
cli-derive-arg-parent = The parent document
cli-derive-arg-out = The child to create
cli-diff-about = Show what a derived document changes relative to its parent
cli-diff-arg-child = The child document
cli-serve-about = Edit the documents under DIR in the browser, with a live preview
cli-serve-arg-dir = Folder of documents
cli-serve-arg-port = Port to listen on (0: any free port)
cli-serve-arg-bind = Address to listen on. Requests must name this address
cli-serve-arg-open = Open the page in the default browser
cli-serve-arg-font_path = { cli-build-arg-font_path }
cli-serve-arg-font = { cli-build-arg-font }
cli-serve-arg-layouts = { cli-build-arg-layouts }

## Progress lines of the commands

watch-watching = watching { $files } (Ctrl-C to stop)
watch-built = { $time } built { $files } in { $ms } ms
watch-not-rebuilt = { $time } { $path } not rebuilt; { $kept ->
        [yes] the previous output is kept
       *[no] nothing is written until it builds
    }
derive-written = { $path } written; left to fill: { $keys }
extract-rebuild = rebuild the same PDF with: { $command }
list-duplicates = warning: { $count } documents share a number with another of the same issuer and year
new-draft = { $path }: draft for { $year } (số cleared, ngày without day)

## The editor's server

serve-no-file-name = `{ $path }` has no file name
serve-folder-outside = the folder `{ $path }` is outside the served folder
serve-not-a-folder = { $path } is not a folder: serve a folder of documents
serve-path-outside = `{ $path }` is outside the served folder
serve-path-unusable = `{ $path }` cannot be used: { $reason }
serve-path-not-file = `{ $path }` is not a file
serve-path-file-not-folder = `{ $folder }` is a file, not a folder: choose another folder for `{ $path }`
serve-path-exists = `{ $path }` exists; not overwriting it: choose another name
serve-path-absolute = `{ $path }`: only paths inside the served folder are allowed
serve-path-not-yaml = `{ $path }`: only YAML documents (.yaml, .yml) can be opened
serve-refused-host = refused: Host `{ $host }` is not this server's address
serve-refused-origin = refused: Origin `{ $origin }` is not this server
serve-cap-so-changed = `{ $path }` changed on disk since it was opened: open it again, then issue the number
file-exists = { $path } exists; not overwriting it: choose another name or remove the old file
serve-folder-unusable = the folder `{ $path }` cannot be used: { $reason }
serve-cannot-load = cannot be loaded
serve-changed-on-disk = `{ $path }` changed on disk since it was opened
serve-too-large = the document is too large
serve-preview-too-slow = the preview took more than { $seconds } s and was stopped: the document may be too large; split it, or make the PDF with `vanban build`
serve-preview-stopped = the preview was stopped (a preview may use at most { $mb } MB of memory): the document may be too large; split it ({ $reason })
serve-unknown-kind = unknown kind of document `{ $kind }`
serve-no-year = the document has no `ngay` or `bien.nam` to take the year from
serve-side-unusable = `{ $path }` cannot hold drafts and backups: it must be a folder (not a file or a link)
serve-no-backup = `{ $path }` has no previous version kept
serve-body-kind = `{ $kind }` is not a block the form writes
serve-body-no-block = the body has no block { $n }: open the form tab again
serve-body-not-editable = the body is written in a way the form cannot edit: edit it in the YAML tab
io-reason = { $kind ->
        [not-found] it does not exist
        [permission] permission denied
        [is-dir] it is a folder, not a file
       *[other] { $text }
    }

## Command line: the register's commands

cli-cap-so-about = Issue the next number (cấp số) of each document's series: writes so: and ngay: into the YAML, records it in the register (so-van-ban.sqlite at the project root) and builds the PDF
cli-cap-so-arg-files = YAML documents to number, one after the other
cli-cap-so-arg-date = Date of issue (default: today): 2026-10-02 or 02/10/2026
cli-cap-so-arg-copies = Number of copies (số lượng bản), for the register
cli-cap-so-arg-out = Folder for the PDFs (default: beside each YAML)
cli-cap-so-arg-no_pdf = Record the number without building the PDF
cli-cap-so-arg-pdf_a = Build PDF/A (see build --pdf-a)
cli-cap-so-arg-embed_source = Attach the YAML to the PDF (see build --embed-source)
cli-cap-so-arg-font_path = { cli-build-arg-font_path }
cli-cap-so-arg-font = { cli-build-arg-font }
cli-cap-so-arg-layouts = { cli-build-arg-layouts }
cli-thu-hoi-about = Record a number as withdrawn (thu hồi); it is never issued again
cli-thu-hoi-arg-file = The numbered YAML document (it may have been deleted since)
cli-thu-hoi-arg-reason = Why it is withdrawn, written into Ghi chú
cli-thu-hoi-arg-date = Date of withdrawal (default: today)
cli-so-dang-ky-about = The register of outgoing documents (sổ đăng ký văn bản đi): on screen, written to CSV, XLSX or the printed PDF, or imported
cli-so-dang-ky-arg-dir = The project folder (its register is so-van-ban.sqlite)
cli-so-dang-ky-arg-year = Only this year
cli-so-dang-ky-arg-issuer = Only this issuing body (cơ quan ban hành)
cli-so-dang-ky-arg-secret = The register of secret documents instead of the ordinary one
cli-so-dang-ky-arg-out = Write to FILE: .csv (UTF-8 for Excel), .xlsx, or .pdf (the printed register: one issuer, one year). Default: a table
cli-so-dang-ky-arg-import = Add the rows of an existing register (.csv or .xlsx with the column heads of the export) to the register, e.g. mid-year
cli-so-dang-ky-arg-font_path = { cli-build-arg-font_path }
cli-so-dang-ky-arg-font = { cli-build-arg-font }
cli-so-dang-ky-arg-layouts = { cli-build-arg-layouts }
cli-tron-thu-about = Mail merge (trộn thư): one document per row of a CSV or XLSX, each inheriting the template, numbered on its own or sharing one
cli-tron-thu-arg-template = The document every row fills in (its text uses {"{{"} NAME {"}}"} for the columns; its bien: holds sample values)
cli-tron-thu-arg-data = The rows: .csv or .xlsx, column heads as variable names (ho_ten); a kinh_gui or trich_yeu column sets that key; or @GROUP: every entry of that group of the address book so-dia-chi.yaml
cli-tron-thu-arg-out = Folder for the documents (default: NAME-tron/ beside the template)
cli-tron-thu-arg-numbers = Each document its own number, one shared number (the template's), or none (drafts)
cli-tron-thu-arg-date = Date of issue (default: today)
cli-tron-thu-arg-no_pdf = Write the YAML documents (and number them) without building PDFs
cli-tron-thu-arg-font_path = { cli-build-arg-font_path }
cli-tron-thu-arg-font = { cli-build-arg-font }
cli-tron-thu-arg-layouts = { cli-build-arg-layouts }

## Command line: clap's own words (value names, possible values, usage errors)

cli-value-command = COMMAND
cli-value-options = OPTIONS
cli-help-command-about = Print this message or the help of the given command
cli-help-command-arg = The command to print the help of
cli-default = default: { $value }
cli-values = possible values: { $values }
cli-values-heading = Possible values:
cli-value-format-pdf = One PDF for the whole document (NAME.pdf)
cli-value-format-png = One PNG picture per page (NAME-1.png, NAME-2.png, …)
cli-value-format-svg = One SVG picture per page (NAME-1.svg, NAME-2.svg, …)
cli-value-format-docx = An editable Word file laid out as the PDF (NAME.docx)
cli-value-format-table = Aligned columns
cli-value-format-csv = Comma-separated values (opens in Excel)
cli-value-format-json = JSON array
cli-value-numbers-each = Each document takes its own number
cli-value-numbers-shared = One number, given to the template, printed on every document
cli-value-numbers-none = No number: drafts
cli-value-truong-nguoi-ky = The signer's signature (ô 7c)
cli-value-truong-co-quan = The organisation's signature (ô 8, over the seal)
cli-value-hinh_thuc-sao-y = Sao y: a full, exact copy of the original or the main copy
cli-value-hinh_thuc-sao-luc = Sao lục: a full, exact copy of a sao y copy
cli-value-hinh_thuc-trich-sao = Trích sao: a copy of part of the original or the main copy
cli-value-name-bind = ADDRESS
cli-value-name-ca = CA
cli-value-name-child = CHILD
cli-value-name-data = DATA
cli-value-name-date = DATE
cli-value-name-dir = DIR
cli-value-name-file = FILE
cli-value-name-format = FORMAT
cli-value-name-image = IMAGE
cli-value-name-n = N
cli-value-name-name = NAME
cli-value-name-new = NEW
cli-value-name-numbers = NUMBERS
cli-value-name-out = OUT
cli-value-name-parent = PARENT
cli-value-name-pdf = FILE.pdf
cli-value-name-port = PORT
cli-value-name-template = TEMPLATE
cli-value-name-text = TEXT
cli-value-name-truong = FIELD
cli-value-name-year = YEAR
cli-value-name-abbr = ABBR
cli-value-name-hinh_thuc = FORM
cli-value-name-label = LABEL
cli-value-name-lib = LIBRARY
cli-value-name-place = PLACE
cli-value-name-so_ky_hieu = NUMBER/SYMBOL
cli-error-unknown-argument = unexpected argument '{ $arg }' found
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-empty-value = '{ $arg }' needs a value
cli-error-valid-values = possible values: { $values }
cli-error-value-validation = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-error-unknown-command = unrecognized command '{ $command }'
cli-error-missing = the following required arguments were not provided: { $args }
cli-error-missing-command = a command is required
cli-error-commands = commands: { $commands }
cli-error-conflict = '{ $arg }' cannot be used with '{ $other }'
cli-error-no-equals = '{ $arg }' needs `=` before its value, e.g. `{ $arg }=…`
cli-error-value-count = '{ $arg }' has the wrong number of values
cli-error-utf8 = the command line has characters that are not UTF-8
cli-error-other = the command line is wrong
cli-error-more = For more information, try '--help'.
cli-error-as-value = to pass '{ $arg }' as a value, use '-- { $arg }'
cli-error-remove-dashes = command '{ $command }' exists; to use it, remove the '--' before it
cli-error-elsewhere = '{ $usage }' exists
cli-reason-number = a number is needed, e.g. 150
cli-reason-number-size = the number is too large or too small
cli-reason-ip = an IP address is needed, e.g. 127.0.0.1
cli-reason-range = a number from { $lo } to { $hi } is needed

## The register (list) and the register of outgoing documents: column heads and cell words

list-col-number = Number/symbol
list-col-date = Date
list-col-kind = Kind
list-col-subject = Subject
list-col-issuer = Issuer
list-col-file = File
list-col-duplicate = Duplicate number
list-duplicate-mark = (!duplicate number)
word-yes = yes
word-no = no
register-col-number = Number
register-col-symbol = Symbol
register-col-date = Date of the document
register-col-title = Kind and subject of the document
register-col-signer = Signed by
register-col-recipients = Recipients
register-col-file-copy = File copy kept by
register-col-copies = Copies
register-col-sent-on = Sent on
register-col-received-by = Received by
register-col-note = Notes
register-col-issuer = Issuing body
register-col-parent = Parent body
register-col-year = Year
register-col-series = Register
register-col-status = Status
register-col-source = Source file
register-col-sha256 = SHA-256 of the PDF
register-col-number-symbol = Number, symbol
register-col-title-short = Kind and subject
register-col-issuer-short = Issuer
register-series-ordinary = ordinary
register-series-secret = secret
register-series-copy = copy
register-status-issued = issued
register-status-withdrawn = withdrawn
register-sheet-name = Register of outgoing documents

## The register: numbering, withdrawal, export, import, mail merge (src/register/msg.rs)

reg-already-numbered = the document already has number { $number }; it is not numbered again
reg-already-numbered-help = an issued number is never issued again; if the document is withdrawn, record it with `vanban thu-hoi`, then delete the `so:` line to take a new number
reg-registered-elsewhere = the register issued number { $number } on { $date } to this file; it is not numbered again (write back `so:` and `ngay:` as in the register, or withdraw that number with `vanban thu-hoi`)
reg-no-issuer = `co_quan` (the issuing body) is missing: each body has its own series of numbers, so no number can be issued
reg-dong-ngay = the document uses `dong_ngay` (the form's pre-written date line); delete that line to number and date it
reg-edit-failed = could not write `{ $key }` into the file (it is written in an unusual YAML style); write one key per line, e.g. `so:` and `ngay:` at the start of a line
reg-database = register { $path }: { $detail }
reg-not-registered = { $path }: the register has issued no number to this file (no `vanban cap-so` yet)
reg-no-register = there is no register { $path } yet (it is made when the first number is issued with `vanban cap-so`)
reg-issued = { $path }: issued number { $number } on { $date }{ $secret ->
        [yes] {" "}(register of secret documents)
       *[no] {""}
    }
reg-withdrawn = { $path }: number { $number } recorded as withdrawn; it is never issued again
reg-already-withdrawn = { $path }: number { $number } was already recorded as withdrawn
# Written into the register's Ghi chú column (an official record, always in Vietnamese).
reg-withdrawal-note = Thu hồi ngày { $date }
reg-withdrawal-note-reason = Thu hồi ngày { $date }: { $reason }
reg-disagrees = `{ $key }` is { $file } in the file, the register says { $register }
reg-disagrees-help = the register is the official record: correct the file to match it, or withdraw the number (`vanban thu-hoi`)
reg-duplicate = number { $number } is used twice in the series of { $issuer } for { $year } (whatever the ký hiệu): { $others }
reg-taken-in-register = number { $number } in the register (file { $source })
reg-withdrawn-in-register = number { $number } is withdrawn in the register
reg-register-gaps = the { $series }register of { $issuer } for { $year } lacks number { $missing } (neither issued nor withdrawn)
reg-file-gap = number { $missing } is missing before this one (the one before: { $before })
reg-file-gap-help = each body numbers continuously from 01 each year (Điều 15 Nghị định 30/2020/NĐ-CP); `vanban cap-so` issues numbers without duplicates or gaps
reg-one-book = a printed register is one book: one issuing body, one year; choose with `--year` and `--issuer` among: { $books }
reg-empty = no document of the register matches the choice
reg-unknown-format = { $path }: the register cannot be written in this form; use a .csv, .xlsx or .pdf name
reg-bad-date = `{ $value }` is not a full date: write `2026-10-02` or `02/10/2026`
reg-series-label = { $series ->
        [secret] secret{" "}
        [copy] copy{" "}
       *[ordinary] {""}
    }
reg-exported = { $path }: wrote { $rows } rows of the register
reg-imported = { $path }: imported { $rows } rows into the register { $register }
reg-audit-summary = { $errors } errors about document numbers (among documents or against the register)
reg-import-row = { $path }: row { $row }: { $what }
reg-import-missing-column = { $path }: the head row (row 1) lacks the column `{ $column }`; use the columns of an export with `vanban so-dang-ky -o so.xlsx`
reg-import-bad-number = `{ $value }` is not a document number (column Number)
reg-import-bad-date = `{ $value }` is not a full date (column Date of the document; write 02/10/2026)
reg-import-no-issuer = no issuing body (column Issuing body, or `--issuer` when importing)
reg-import-no-sheet = the workbook has no sheet
reg-import-unreadable = { $path }: cannot read the spreadsheet: { $detail }
reg-merge-exists = { $path } exists; not overwritten (it may have a number): choose another folder with `-o`
reg-merge-empty = { $path }: no data row under the head row
reg-merge-bad-head = { $path }: the column head `{ $head }` cannot be a variable name: only letters without accents, digits and `_`, e.g. `ho_ten`
reg-merged = merged { $count } documents into { $dir }
reg-book = { $issuer }, { $year }{ $series ->
        [secret] {" "}(secret)
        [copy] {" "}(copies)
       *[ordinary] {""}
    }

## Warnings of the document check (src/lints.rs)

lint-weekday = “{ $written }” does not match { $date }: that day is { $expected }
lint-so-has-ky-hieu = number “{ $so }” already has a ký hiệu: it would print as “Số: { $so }/{ $ky_hieu }”; write only the number (the ký hiệu goes in `ky_hieu`)
lint-so-has-slash = number “{ $so }” has a “/”: write only the number, the ký hiệu goes in `ky_hieu`
lint-trich-yeu-vv = the trích yếu starts with “{ $start }”: a công văn prints “V/v” before its trích yếu already, it would print as “V/v { $start } …”; remove “{ $start }”
lint-trich-yeu-abbreviation = the trích yếu starts with “V/v”: a document with a type name does not write “V/v” before its trích yếu
lint-merged = { $what } “{ $item }” contains “{ $sep }”: perhaps two items joined into one (a `- …` line indented too deep?); each item is one `- …` line
lint-label-without-colon = “{ $item }” looks like the name of a Nơi nhận group but lacks its colon: write `- { $item }:` with the group's recipients indented under it
lint-other-year = “{ $found }”: a year other than the document's ({ $year }), outside a citation of another document: check it (it may be left over from last year's document)
lint-parent-changed = the parent document ({ $parent }) was changed after this one was made: review what is inherited (`vanban diff`); once reviewed, write `extends_sha256: { $now }`
lint-part-kinh-gui = Kính gửi item
lint-part-noi-nhan = Nơi nhận item

## The report of `vanban new` (next year's draft, src/evolve/rollover.rs)

rollover-changed = Changed
rollover-review = To review
rollover-nothing = (none)
rollover-number-cleared = (left blank: the new document has no number yet)
rollover-weekday-of = (weekday of { $date })
rollover-draft-date = { $after } (draft: fill in the day when signed)
rollover-summary = Draft for { $to } from the document of { $from }: { $changes ->
        [one] 1 change
       *[other] { $changes } changes
    }, { $reviews ->
        [one] 1 spot to review
       *[other] { $reviews } spots to review
    }.
rollover-cited = { $what } → kept (a citation of another document): still the right basis for { $to }?
rollover-cited-undated = { $what } → kept (a citation of another document, undated): still the right basis for { $to }?
rollover-cited-file = { $file } → kept (another document, by file): is there a { $to } version to cite instead?
rollover-year-left = { $year } → not changed (unclear whether it is this document's date or another's): check it, the new year is { $to }

## Digital signatures and their verification (src/sign, vanban ky, vanban xac-minh)

sign-bad-trust-store = damaged trusted CA file
sign-cannot-read-pdf = cannot read the PDF
sign-bad-signature = damaged signature
sign-field-problem = signature `{ $field }`: { $problem }
sign-no-byterange = no /ByteRange
sign-bad-byterange = damaged /ByteRange
sign-no-contents = no /Contents
sign-bad-cms = damaged CMS: { $detail }
sign-bad-signed-data = damaged CMS SignedData: { $detail }
sign-cms-no-signer = the CMS has no signer
sign-cms-no-signer-cert = the CMS lacks the signer's certificate
sign-cert-expired = the certificate of { $name } had expired or was not yet valid when signing
sign-bad-cert = damaged certificate
sign-root-untrusted = root CA { $name } is not in the trusted list
sign-issuer-not-found = the CA that issued the certificate of { $name } was not found ({ $issuer })
sign-chain-too-long = certificate chain too long
sign-p12-cannot-open = cannot open the PKCS#12 file: wrong password or damaged file ({ $detail })
sign-p12-no-key = no private key in the PKCS#12 file
sign-bad-certificate = damaged certificate: { $detail }
sign-p12-no-cert = the PKCS#12 file has no certificate for the key
sign-bad-key = damaged private key: { $detail }
sign-key-mismatch = the private key does not match the certificate
sign-password-needed = the PKCS#12 file's password is needed: set the environment variable { $var } or run in a terminal to type it
sign-password-prompt = Password of the PKCS#12 file:
sign-password-unreadable = cannot read the password: { $detail }
sign-encrypted = the PDF is encrypted and cannot be signed
sign-no-fields = the PDF has no signature field; build it again with `vanban build --ky-so`
sign-no-such-field = the PDF has no signature field `{ $field }`
sign-all-signed = every signature field is signed already
sign-field-signed = signature field `{ $field }` is signed already
sign-no-startxref = the PDF lacks `startxref`
sign-too-large = the signature is { $bytes } bytes, more than the { $room } bytes set aside
sign-cms-failed = cannot make the CMS signature: { $detail }
sign-no-signature-block = the document has no signature block (`nguoi_ky`), so no place for a digital signature
sign-typst-pdf = Typst's PDF
sign-page-missing = the signature's page { $page } is not in the PDF
sign-broken-pdf = damaged PDF
sign-no-root = the PDF has no root catalogue (/Root)
sign-bad-png = damaged PNG picture: { $detail }
sign-png-too-large = PNG picture too large
sign-key-type = key type { $oid } is not supported (only RSA and ECDSA P-256 keys are)
verify-no-signature = { $path }: no digital signature
verify-verdict = { $good ->
        [yes] VALID
       *[no] NOT VALID
    }
verify-time = signed at: { $time }
verify-checks = integrity: { $intact ->
        [yes] intact
       *[no] MODIFIED
    }; signature: { $valid ->
        [yes] correct
       *[no] WRONG
    }; certificate: { $trust }
verify-trusted = trusted
verify-scope-whole = coverage: the whole file
verify-scope-part = coverage: the first { $bytes } bytes; the rest was added after signing
verify-content-after = WARNING: the file has content added after the last signature, which is not signed
verify-rebuilt = embedded YAML sources: rebuild the signed revision byte for byte
verify-not-rebuilt = SOURCES DIFFER: the embedded YAML sources do not rebuild the signed revision

## The editor's server and long-running commands: start-up, time-outs

serve-cannot-start = cannot start the server: { $detail }
serve-cannot-listen = cannot listen on { $address }: { $detail }
serve-serving = vanban: serving { $path } (Ctrl+C to stop)
serve-no-browser = vanban: cannot open a browser ({ $command }: { $detail }); open { $url } yourself
serve-request-too-long = the request took too long
serve-preview-too-long = the preview took more than { $seconds } s; the document may be too large
watch-cannot-watch = cannot watch the files: { $detail }
threads-cannot-start = cannot start the worker threads: { $detail }

## Files attached to a PDF (vanban extract)

embed-symlink = refusing to write through the symbolic link `{ $path }`
embed-too-many = more than { $max } attached files
embed-too-large = an attached file is larger than { $limit } bytes once decompressed
embed-filter = an unsupported compression filter

## Derived documents (extends), keys a kind does not print, warnings about the content

merge-unknown-id = `id: { $id }` is not in the parent document ({ $parent }): correct it to the id of the item to replace, or add `them_moi: true` if this is a new item
merge-unknown-anchor = `{ $key }: { $id }`: the parent document ({ $parent }) has no item `id: { $id }`
merge-unknown-removal = `xoa: true` for `id: { $id }`, but the parent document ({ $parent }) has no such item
merge-not-new = `them_moi: true`, but the parent document ({ $parent }) already has `id: { $id }`: remove `them_moi` to replace that item, or choose another id
merge-known = the ids of the parent document here: { $ids }
refused-tham-quyen = `tham_quyen` (the authority line under the type name, or the sender of a công điện) exists only in quyết định, nghị quyết and công điện; a { $kind } does not print it: remove `tham_quyen`, or write `loai: quyet_dinh`
refused-thu-ky = `thu_ky` (the second signer, on the left) exists only in a biên bản, with `nguoi_ky`; a { $kind } does not print this block: remove `thu_ky`, or write `loai: bien_ban` and add `nguoi_ky`
refused-ben-kia = `ben_kia` (the other party's signer, on the left) exists only in a hợp đồng, bản ghi nhớ or bản thỏa thuận, with `nguoi_ky`; a { $kind } does not print this block: remove `ben_kia`, or write `loai: hop_dong` and add `nguoi_ky`
refused-phu-luc = an appendix issued as its own file has no `{ $key }` (no header, Kính gửi, signature or Nơi nhận: Phụ lục III, Mẫu 2.1, 2.2): remove `{ $key }`; the main document's number, date and issuer go in `so`, `ky_hieu`, `ngay`, `ten_co_quan` or `kem_theo: van-ban.yaml`
refused-can-cu-cong-dien = a công điện has no legal basis part: remove `can_cu`, or put the basis into the content
refused-no-title = a công văn has no type name, so `{ $key }` is not printed: remove `{ $key }`, or choose a kind with a type name (`loai: ke_hoach`, …)
refused-can-cu = `can_cu`: a công văn has no legal basis part of its own: write the basis in the opening sentence (`thuc_hien`, `mo_dau`) or in `noi_dung`
refused-extends-sha = `extends_sha256` records the parent document (`extends`); this document has no `extends`: remove `extends_sha256`
refused-mo-dau = `mo_dau` continues the citation of `thuc_hien` (“Thực hiện …, …”); the document has no `thuc_hien`, so it is not printed: add `thuc_hien`, or move the sentence to the start of `noi_dung`
warn-no-luu = Nơi nhận has no `Lưu: VT, …` item (NĐ30 ô 9b ends with it)
warn-collective = `{ $body }` is a collective body: its signer usually writes `quyen_han: TM. { $body }`
warn-kem-theo = `kem_theo: true` only has a meaning in a form (`phu_luc: - mau:`); give the path of the decision's YAML or the caption's text
warn-ky-hieu-kind = ký hiệu `{ $ky_hieu }` starts with `{ $first }`, the abbreviation of another kind than `{ $kind }`
warn-trich-yeu-long = trích yếu has { $n } characters; more than { $limit } will not fit its place well

# Worded in src/diag/message.rs (limit_wording); this text is a fallback.
limit = beyond the limit { $what }: { $found } (at most { $limit })

# Worded where they arise (src/load/merge.rs, src/model/refused.rs).
unknown-id = { $text }
key-not-printed = { $text }

# Digital signatures (ký số)
cli-build-arg-ky_so = Sign-ready PDF (ký số): empty signature fields for the signer (ô 7c) and the organisation (ô 8) where the images go; `vanban ky` signs them
cli-watch-arg-ky_so = Sign-ready PDF (ký số): empty signature fields for the signer (ô 7c) and the organisation (ô 8) where the images go; `vanban ky` signs them
cli-ky-about = Sign a PDF (PAdES) with a PKCS#12 file or a USB token (--token); the password or PIN from a prompt or VANBAN_MAT_KHAU, VANBAN_MA_PIN, never an argument
cli-ky-arg-pdf = The PDF to sign
cli-ky-arg-p12 = The PKCS#12 file (.p12, .pfx) with the key and its certificates
cli-ky-arg-truong = Which signature: the signer's (nguoi-ky) or the organisation's (co-quan); default: the first field not yet signed
cli-ky-arg-anh = PNG shown in the field: the signature image (blue) or the seal (red, real size)
cli-ky-arg-out = Where to write (default: over the input; signing only appends)
cli-xac-minh-about = Verify the signatures of a PDF: integrity, certificate chain, signer, organisation and time
cli-xac-minh-arg-pdf = The signed PDF
cli-xac-minh-arg-tin_cay = Trusted CA certificates (PEM; repeatable), e.g. the root CA of the Ban Cơ yếu Chính phủ or of a public CA

# Signing with a token, certificate checks, electronic copies (issue 20)
cli-ky-arg-token = Sign with a USB token (PKCS#11) instead of a PKCS#12 file; the PIN from a prompt or VANBAN_MA_PIN, never an argument
cli-ky-arg-thu_vien = The token's PKCS#11 library (the .so/.dll driver the certification authority installs); default: the environment variable VANBAN_PKCS11_MODULE
cli-ky-arg-nhan = The label of the key on the token, when it holds several
token-error = the token reported an error: { $detail }
token-no-module = no PKCS#11 library for the token: add --thu-vien PATH (the token driver's .so/.dll) or set { $env }
token-load = cannot load the PKCS#11 library `{ $path }`: { $detail }; check the path and that the token driver is installed
token-none = no token found: plug the USB token in (and check its driver), then sign again
token-several = several tokens are plugged in ({ $tokens }): leave only the one to sign with
token-pin-needed = the token's PIN is needed: set { $env } or run in a terminal to type it
token-pin-prompt = Token PIN
token-pin-wrong = wrong token PIN; the token locks itself after a few wrong PINs
token-pin-locked = the token is locked after too many wrong PINs: ask the certification authority to unlock it
token-no-key = the token holds no private key to sign with
token-no-such-key = the token has no key labelled `{ $label }`; keys on the token: { $labels }
token-several-keys = the token holds several keys: choose one with --nhan LABEL; keys on the token: { $labels }
token-no-cert = the token has no certificate for the key `{ $label }`
cert-expired = { $source }: the certificate of { $name } expired at { $date }; renew it, then sign again
cert-not-yet = { $source }: the certificate of { $name } is not valid before { $date }; check the computer's clock or wait until then
cert-usage = { $source }: the certificate of { $name } may not sign documents (key usage: { $usage }; digitalSignature or nonRepudiation needed); use a document-signing certificate
cli-ky-arg-kem_theo = Sign a file attached to a document (an appendix issued as a separate file) as the organisation: a text block at the top right of page 1 with the document's số and ký hiệu (this value) and the signing time
attached-has-fields = the file already has signature fields: --kem-theo is for attached files without one (an appendix exported from Word or Excel, say); sign a document built with --ky-so with --truong
attached-no-number = --kem-theo needs the số and ký hiệu of the document this file is attached to, e.g. --kem-theo "15/QĐ-UBND"
cli-sao-about = An electronic copy (sao y, sao lục, trích sao) of a signed PDF: the copy's page added and the copying organisation's signature at the top right of page 1
cli-sao-arg-pdf = The signed PDF to copy
cli-sao-arg-hinh_thuc = The form of copy: sao-y, sao-luc or trich-sao
cli-sao-arg-co_quan = The copying organisation
cli-sao-arg-co_quan_chu_quan = Its parent body (cơ quan chủ quản), if any
cli-sao-arg-so = The copy's number in the year's series of copies (default: the next one in the register)
cli-sao-arg-ky_hieu = The organisation's part of the ký hiệu (VP in 05/SY-VP)
cli-sao-arg-dia_danh = Place name (địa danh)
cli-sao-arg-ngay = Date of the copy (default: today)
cli-sao-arg-quyen_han = Authority of the signer (TL. CHÁNH VĂN PHÒNG, …)
cli-sao-arg-chuc_vu = Position of the signer
cli-sao-arg-ho_ten = Name of the signer
cli-sao-arg-noi_nhan = A recipient (repeatable); "Lưu: VT." is added last
cli-sao-arg-p12 = The copying organisation's PKCS#12 file
cli-sao-arg-token = Sign with a USB token (PKCS#11); the PIN from a prompt or VANBAN_MA_PIN
cli-sao-arg-thu_vien = { cli-ky-arg-thu_vien }
cli-sao-arg-nhan = { cli-ky-arg-nhan }
cli-sao-arg-out = Where to write (default: NAME-sao-y.pdf beside the original)
pdf-unreadable = cannot read the PDF ({ $detail }); check that the file is a PDF and not damaged
copy-encrypted = the PDF is encrypted (password-protected) and cannot be copied: use an unencrypted one

# Address book and mail merge (issue 19: src/load/address_book.rs, src/register/merge.rs)
address-unknown = the address book {$file} has no entry or group `{$key}`
address-no-book = `@{$key}` names an entry of the address book, but the project has no address book {$file}
address-how-to = create so-dia-chi.yaml in the project folder, one key per recipient, e.g. `so-gddt: {"{"}ten: Sở Giáo dục và Đào tạo tỉnh Bắc Giang, ma_dinh_danh: 000.00.12.H06{"}"}`; or write the full name instead of `@…`
address-bad-key = the address-book key `{$key}` may use only lower-case letters without accents, digits, `-` and `_` (e.g. `so-gddt`)
address-no-name = the address-book entry `{$key}` has no full name: write `ten: …`
address-bad-code = the organisation code `{$value}` of `{$key}` is not well formed: 13 characters like 000.00.00.H00 (three groups of digits and one capital letter with two digits, separated by dots) are needed, it has {$length}
address-group-clash = the group `{$key}` has the name of an address-book entry: `@{$key}` would be ambiguous; rename the group
quote-at = `@` cannot start a YAML text without quotes; put it in double quotes: {$fixed}
cli-tron-thu-arg-gop = Also write one PDF of all the documents, in order, to print at once (default: NAME-gop.pdf in the folder of the documents)
merge-no-book = cannot merge over the group `@{$group}`: the project has no address book {$file}
merge-no-group = the address book {$file} has no group `{$group}` (groups are the names under `nhom:` of its entries)
merge-combined = merged {$count} documents into {$file}

## The number of an electronic copy in the register (src/commands/sao.rs, src/register/)

cli-so-dang-ky-arg-ban_sao = The register of the organisation's copies (sao y, sao lục, trích sao) instead of the ordinary one
reg-copy-number-taken = `--so`: number { $number } of the series of copies of { $issuer } for { $year } is already taken (file { $source }); leave out `--so` to take the register's next number, or choose another
reg-copy-issued = { $path }: copy number { $number } of { $date }, recorded in the register { $register }
reg-copy-title = { $form ->
        [sao_luc] Sao lục
        [trich_sao] Trích sao
       *[sao_y] Sao y
    } of { $original }

## The editor's page (vanban serve): its own words, served by /api/words
## to web/words.js. One line each; `{ $name }` is placed by the page.
web-title = vanban – drafting documents
web-no-doc = No document open
web-actions = Actions
web-btn-new = New document
web-btn-new-title = Create a new document from the template of a kind
web-btn-next-year = Next year's draft
web-btn-next-year-title = Create next year's draft from this document (dates moved, number removed)
web-btn-derive = Subordinate document
web-btn-derive-title = Create a subordinate document inheriting from this one
web-btn-save = Save
web-btn-save-title = Save (Ctrl+S)
web-btn-pdf = Download PDF
web-btn-pdf-title = Download the PDF of the document being edited
web-btn-docx = Download Word
web-btn-docx-title = Download the Word file (.docx) of the document being edited, laid out as the PDF
web-btn-cap-so = Issue number
web-btn-cap-so-title = Issue the next number of the outgoing register, write number and date into the document, export the PDF
web-conflict = The file was changed on disk since it was opened. The version being edited is not saved.
web-btn-reload = Reload from disk
web-btn-overwrite = Overwrite anyway
web-docs = Documents
web-search = Search: number, year, kind, place, content…
web-search-title = With or without diacritics, e.g.: thu thua cong van 2023
web-search-label = Search documents
web-edit = Editing
web-tab-form = Form
web-diagnostics = Errors and warnings
web-preview = Preview
web-zoom = Preview size
web-zoom-fit = Fit
web-zoom-fit-title = Page as wide as the preview
web-zoom-100-title = Actual size of the A4 page
web-zoom-150-title = Zoom in to read small print
web-preview-note = The document has errors: the preview below is the last correct one.
web-cancel = Cancel
web-ok = OK
web-key-co_quan_chu_quan = Parent body (Cơ quan chủ quản)
web-hint-co_quan_chu_quan = In capitals, e.g. UBND HUYỆN THỦ THỪA
web-key-co_quan = Issuing body (Cơ quan ban hành)
web-hint-co_quan = In capitals, e.g. PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
web-key-ten_co_quan = Full name of the issuing body
web-hint-ten_co_quan = In ordinary case, printed when another document cites this one, e.g. Phòng Giáo dục và Đào tạo huyện Thủ Thừa
web-key-so = Number (Số)
web-hint-so = Leave empty until registered (a draft)
web-key-ky_hieu = Symbol (Ký hiệu)
web-hint-ky_hieu = The part after the slash, e.g. PGDĐT
web-key-dia_danh = Place name (Địa danh)
web-hint-dia_danh = E.g. Thủ Thừa
web-key-ngay = Date of issue
web-hint-ngay = 2023-10-02 or 02/10/2023; a draft may leave the day empty: 2023-10
web-key-trich_yeu = Subject (Trích yếu)
web-hint-trich_yeu = A summary of the document
web-key-kinh_gui = Kính gửi (addressees)
web-hint-kinh_gui = One addressee a line
web-key-nguoi_ky = Signer
web-key-quyen_han = Signing authority (Quyền hạn ký)
web-hint-quyen_han = TM., KT., TL., TUQ.… e.g. KT. TRƯỞNG PHÒNG; two lines when signing for two levels
web-key-chuc_vu = Position (Chức vụ)
web-hint-chuc_vu = E.g. PHÓ TRƯỞNG PHÒNG
web-key-chuc_danh = Title printed above the name
web-hint-chuc_danh = Usually empty; e.g. TRƯỞNG PHÒNG GD&ĐT
web-key-chu_ky = Signature image
web-hint-chu_ky = A PNG, JPG or SVG file in the documents' folder, e.g. anh/chu-ky.png
web-key-dau = Seal image
web-hint-dau = A PNG, JPG or SVG file; printed 35 mm wide
web-key-ghi_chu = Note at the signature
web-hint-ghi_chu = E.g. (ký tên và đóng dấu)
web-key-ho_ten = Full name
web-key-noi_nhan = Nơi nhận (recipients)
web-hint-noi_nhan = One recipient a line; the last line is usually Lưu: VT
web-key-noi_dung = Body (Nội dung)
web-key-mo_dau = Opening sentence
web-key-thuc_hien = Document implemented
web-key-ten_loai = Name of the kind
web-key-can_cu = Legal bases (Căn cứ)
web-key-phu_luc = Appendices (Phụ lục)
web-key-trinh_bay = Layout
web-key-bien = Variables
web-key-loai = Kind of document
web-list-bad = (has errors)
web-list-none = No document found. Try fewer words, or search by number, year, kind, issuing place.
web-discard = The document being edited is not saved. Discard the changes?
web-opened = Opened
web-cannot-open = Cannot open: { $reason }
web-not-saved = Not saved
web-saved-at = Saved at { $time }
web-not-saved-changed = Not saved: the file was changed on disk
web-cannot-save = Cannot save
web-cannot-save-title = The document cannot be saved
web-cannot-save-file = Cannot save the file “{ $path }”.
web-at = Line { $line }, column { $column }:
web-errors-title = The document has { $n } error(s)
web-errors-save = A document with errors can still be saved, but no PDF can be made until they are fixed:
web-errors-save-ask = Save this document anyway?
web-save-anyway = Save anyway
web-cannot-make-file = Cannot make the { $what } file.
web-fix-before = The document has errors; fix them before making the { $what }:
web-close = Close
web-making = Making { $what }…
web-made = Made { $what }
web-cannot-make = Cannot make { $what }
web-cap-so-ask = Issue a number to this document? The number is written into the register and cannot be issued again.
web-cap-so-running = Issuing a number…
web-cap-so-failed = Cannot issue a number: { $reason }
web-reloaded = Reloaded: the file was just changed on disk
web-preview-time = Preview: { $ms } ms (redrew { $sent }/{ $pages } pages)
web-has-errors = The document has { $n } error(s)
web-preview-stale = The document has errors (see the list just below the editor, in the middle column): the preview below is the last correct one.
web-preview-none = The document has errors: fix those listed just below the editor (middle column) to see a preview.
web-cannot-preview = Cannot preview: { $reason }
web-error = Error:
web-warning = Warning:
web-form-blocked = The YAML has a syntax error: fix it in the YAML tab before using the form.
web-points = Invitation details
web-point-time = Time (Thời gian)
web-point-time-hint = E.g.: 07 giờ 30 phút, thứ Sáu, ngày 31/5/2024 (buổi sáng)
web-point-place = Place (Địa điểm)
web-point-place-hint = E.g.: Hội trường Ủy ban nhân dân huyện
web-point-people = Participants (Thành phần)
web-point-people-hint = One participant a line
web-own-value = Set for this document only
web-inherited = Inherited from { $from } (greyed).
web-cannot-update = Cannot update: { $reason }
web-why-400 = The file name or a value entered is not right.
web-why-403 = The file must be inside the open folder: do not start the name with “/” and do not use “..”.
web-why-404 = The original document was not found: the file may have been renamed or deleted.
web-why-409 = A file or folder of that name exists. Choose another name.
web-why-422 = The original document has errors: open and fix it first.
web-why-other = Unexpected error.
web-detail = Details: { $detail }
web-cannot-create = Cannot create the file “{ $path }”.
web-file-name = File name (in the open folder; missing folders are created)
web-year = Year
web-new-file-name = New file name (missing folders are created)
web-next-year-report = Next year's draft: changed, and to check
web-derive-title = Subordinate document (inheriting from this one)
web-word-file = Word file
web-cannot-start = Cannot start: { $reason }
web-block-doan = Paragraph
web-block-doan-hint = Justified, first line indented. **bold**, *italic*, ^[footnote]
web-block-muc = Heading (Mục)
web-block-muc-hint = Bold, e.g. I. MỤC ĐÍCH, YÊU CẦU
web-block-khoan = Clause (Khoản)
web-block-khoan-hint = Bold, e.g. 1. Thời gian
web-block-diem = Point (Điểm)
web-block-diem-hint = E.g. a) Đối tượng
web-block-dieu = Article (Điều)
web-block-dieu-hint = E.g. Điều 1. Phạm vi điều chỉnh
web-block-gach = Dash list (-)
web-block-gach-hint = One item a line
web-block-cong = Plus list (+)
web-block-cong-hint = One item a line
web-block-giua = Centred line
web-block-tieu_de = Centred bold title
web-block-ghi = Paragraph without indent
web-block-bang = Table
web-block-bang-hint = One row a line, cells separated by |; the first line is the header row
web-block-ngat_trang = Page break
web-block-ngat_trang-hint = What follows starts a new page
web-body = Body of the document
web-body-hint = Each block is a paragraph, heading, list or table; use ↑ ↓ to move it. Changes here change the YAML tab too.
web-body-not-editable = The body is written in a way the form cannot edit: edit it in the YAML tab.
web-body-add-kind = Kind of block to add at the end
web-body-add-title = Add a block at the end of the body
web-body-add = Add block
web-body-failed = Cannot change the body: { $reason }
web-block-id = id { $id }
web-block-after = inserted after { $id }
web-block-before = inserted before { $id }
web-block-inserted = A new block, inserted into the parent document's body
web-block-replaces = Replaces the parent document's block of the same id
web-block-other = Another kind of block: edit it in the YAML tab
web-block-kind = Kind of block
web-block-up = Move the block up
web-block-down = Move the block down
web-block-add = Add a paragraph after this block
web-block-remove = Delete this block
web-block-n = Block { $n }: { $kind }
web-draft-restore = Restore the draft
web-draft-discard = Discard the draft
web-backups-title = Open a version saved earlier (every save keeps the previous one)
web-backups = Earlier versions
web-backups-head = Versions saved earlier
web-backups-hint = Choose a version to open it in the editor; press Save to keep it.
web-draft-failed = Cannot keep the draft: { $reason }
web-draft-found = There is an unsaved draft of this document (at { $time }), perhaps because the browser was closed before saving.
web-draft-restored = Draft restored (not saved)
web-backups-none = None yet: the previous version is kept at every save.
web-backup = Saved at { $time } · { $bytes } bytes
web-backup-latest = Saved at { $time } · { $bytes } bytes · the latest
web-backup-opened = Opened the version saved at { $time } (not saved)
web-backup-failed = Cannot open the earlier version: { $reason }
web-diff-title = Where this document differs from the parent it inherits from (extends)
web-diff-tab = Differences from parent
web-diff-failed = Cannot compare with the parent document: { $reason }
web-diff-no-parent = This document does not inherit from another.
web-diff-changes = Inherits from { $parent }. { $n } difference(s) from the parent (the rest comes from the parent):
web-diff-same = Inherits from { $parent }, with no differences.
web-diff-where = Where
web-diff-parent = Parent document
web-diff-this = This document
web-diff-absent = (none)
web-yaml-label = The document's YAML

# Schema descriptions (src/model doc comments)
schema-VanBan = One official document (văn bản hành chính).
schema-Bang = A table (bảng): header row bold and repeated on every page. Cells are texts or numbers (`12`, `8.5` are printed as YAML reads them). Every row must have as many cells as the header (`dau`), or as `cot` has widths: a row that does not is an error at that row.
schema-Bang-can = Horizontal alignment per column: `trai` (left), `giua` (centre), `phai`.
schema-Bang-co_chu = Font size of the cells in pt (default 13).
schema-Bang-cot = Relative column widths, e.g. `[1, 2, 5, 3, 1]`; equal if absent.
schema-Bang-dau = Header cells (tiêu đề cột), bold.
schema-Bang-dong = Rows (dòng) of cells; `\n` breaks a line inside a cell.
schema-CanLe = Horizontal alignment of a table column.
schema-CanLe-trai = Left.
schema-CanLe-giua = Centred.
schema-CanLe-phai = Right.
schema-DoKhan = Urgency (độ khẩn).
schema-DoKhan-khan = KHẨN
schema-DoKhan-thuong_khan = THƯỢNG KHẨN
schema-DoKhan-hoa_toc = HỎA TỐC
schema-DoMat = Secrecy (độ mật).
schema-DoMat-mat = MẬT
schema-DoMat-toi_mat = TỐI MẬT
schema-DoMat-tuyet_mat = TUYỆT MẬT
schema-KemTheo = The caption of an appendix: generated (`true`) or literal text.
schema-KemTheo-0 = `true` builds the caption from the document; `false` omits it.
schema-KemTheo-1 = Literal caption text.
schema-Khoi = One block of body text. In YAML a plain string is a paragraph; every other block is a map with one key naming its type.
schema-Khoi-doan = Paragraph (đoạn): justified, first line indented. `**bold**`, `*italic*` and `***both***` mark inline styles.
schema-Khoi-muc = Section heading (mục) as numbered in the data: `I. MỤC ĐÍCH, YÊU CẦU`.
schema-Khoi-khoan = Titled clause (khoản), bold: `1. Mục đích`.
schema-Khoi-diem = Titled point (điểm), regular: `a) Thời gian tổ chức`.
schema-Khoi-dieu = Article of a quyết định: `Điều 1. …`; the `Điều N.` label is bold.
schema-Khoi-gach = Items printed with a leading `- `.
schema-Khoi-cong = Items printed with a leading `+ `.
schema-Khoi-giua = A centred line, e.g. the theme of the year.
schema-Khoi-tieu_de = A centred bold title, e.g. inside an appendix.
schema-Khoi-ghi = A paragraph without first-line indent (a note, a signature line).
schema-Khoi-bang = A table.
schema-Khoi-ngat_trang = `true` starts a new page.
schema-Le = Page margins (lề) in mm: top and bottom 20–25, left 30–35, right 15–20.
schema-Le-duoi = Bottom margin, 20–25 mm (default 20).
schema-Le-phai = Right margin, 15–20 mm (default 15).
schema-Le-trai = Left margin, 30–35 mm (default 30).
schema-Le-tren = Top margin, 20–25 mm (default 20).
schema-Loai = Document kinds (tên loại văn bản), one per row of [`KINDS`].
schema-Loai-cong_van = Công văn: no type name, `V/v` subject under the number.
schema-Loai-ke_hoach = Kế hoạch (KH).
schema-Loai-huong_dan = Hướng dẫn (HD).
schema-Loai-bao_cao = Báo cáo (BC).
schema-Loai-quyet_dinh = Quyết định (QĐ), with `Căn cứ` preamble and `Điều` articles.
schema-Loai-thong_bao = Thông báo (TB).
schema-Loai-to_trinh = Tờ trình (TTr).
schema-Loai-giay_moi = Giấy mời (GM).
schema-Loai-chuong_trinh = Chương trình (CTr).
schema-Loai-quy_dinh = Quy định (QyĐ).
schema-Loai-nghi_quyet = Nghị quyết cá biệt (NQ): `Căn cứ`, then `QUYẾT NGHỊ:` before the articles.
schema-Loai-chi_thi = Chỉ thị (CT).
schema-Loai-quy_che = Quy chế (QC), usually issued with a quyết định.
schema-Loai-thong_cao = Thông cáo (TC).
schema-Loai-phuong_an = Phương án (PA).
schema-Loai-de_an = Đề án (ĐA).
schema-Loai-du_an = Dự án (DA).
schema-Loai-giay_uy_quyen = Giấy ủy quyền (GUQ).
schema-Loai-giay_gioi_thieu = Giấy giới thiệu (GGT).
schema-Loai-giay_nghi_phep = Giấy nghỉ phép (GNP).
schema-Loai-bien_ban = Biên bản (BB): two signers, the secretary (`thu_ky`) on the left and the chair on the right (Mẫu 1.9).
schema-Loai-cong_dien = Công điện (CĐ): the sender's line `… điện:` (from `tham_quyen`) under the subject, then the recipients as `- …;` lines, without `Kính gửi:` (Mẫu 1.6).
schema-Loai-phieu_gui = Phiếu gửi (PG): a slip sending documents to another body.
schema-Loai-phieu_chuyen = Phiếu chuyển (PC): a slip passing a matter on to whoever handles it.
schema-Loai-phieu_bao = Phiếu báo (PB): a slip informing someone of a fact (a result, a debt).
schema-Loai-hop_dong = Hợp đồng (HĐ): two parties sign side by side, the other party (`ben_kia`) on the left, the issuer's side (`nguoi_ky`) on the right.
schema-Loai-ban_ghi_nho = Bản ghi nhớ (BGN): a memorandum between two bodies, signed side by side as a hợp đồng.
schema-Loai-ban_thoa_thuan = Bản thỏa thuận (BTT): an agreement between two bodies, signed side by side as a hợp đồng.
schema-Loai-thu_cong = Thư công: a letter (thư chúc mừng, thư khen, thư cảm ơn, thư thăm hỏi); no abbreviation in Phụ lục III, and no number line unless a `so` is given.
schema-Loai-phu_luc = Phụ lục issued as its own file (Phụ lục III, Mẫu 2.1 and 2.2): no header and no signature; the label (`Phụ lục I`, from `ten_loai`), the title (`trich_yeu`), `(Kèm theo Văn bản số … ngày … của …)` citing the document it belongs to (`kem_theo`), its content. Built sign-ready (`--ky-so`), the organisation's signature goes at the top right of page 1.
schema-NguoiKy = The signer (ô 7).
schema-NguoiKy-chu_ky = Image of the handwritten signature (chữ ký): a PNG, JPG or SVG file, relative to the document, inside its project folder. Centred in the space between the position and the name.
schema-NguoiKy-chuc_danh = A title printed above the name, e.g. `TRƯỞNG PHÒNG GD&ĐT`.
schema-NguoiKy-chuc_vu = Position of the signer (chức vụ), upper case, e.g. `PHÓ GIÁM ĐỐC`.
schema-NguoiKy-dau = Image of the seal (dấu): a PNG, JPG or SVG file, printed 35 mm wide (`dau_rong` to change) over the left part of the signature.
schema-NguoiKy-dau_rong = Width of the seal image in mm, its real size (default 35).
schema-NguoiKy-ghi_chu = Instruction in the signature space, e.g. `(ký tên và đóng dấu)`.
schema-NguoiKy-ho_ten = Full name (họ tên), bold, without academic titles.
schema-NguoiKy-khung_ky_so = Room for a digital-signature stamp (khung chữ ký số: the organisation and the signing time, as signing programs draw it on a scanned original): a 50 × 10 mm box under the signature, from the seal's right edge, that moves the name down so that the stamp never covers it.
schema-NguoiKy-quyen_han = Authority lines (quyền hạn): `KT. GIÁM ĐỐC`, or a list for the three-line case (`[TM. BAN CHỈ ĐẠO, KT. TRƯỞNG BAN]`).
schema-NguoiKy-thay_mat = The collective the signer signs for (thay mặt, Phụ lục I ô 7a): its name, printed first as `TM. ỦY BAN NHÂN DÂN` (`T/M CHI BỘ` in a Party document), before the `quyen_han` lines.
schema-NoiNhan = One entry of Nơi nhận: a recipient, or a labelled group of recipients (`Bản điện tử:` followed by its own `- …;` lines).
schema-NoiNhan-0 = A recipient, e.g. `UBND huyện (b/c)` or `Lưu: VT, GDTX`.
schema-NoiNhan-1 = A group: one key, its label (`Bản điện tử`), holding its recipients.
schema-ONhap = What a table cell may hold in YAML (for the JSON Schema).
schema-ONhap-0 = Text.
schema-ONhap-1 = A number, printed as YAML reads it.
schema-PhuLuc = An appendix (phụ lục) or attached form (mẫu).
schema-PhuLuc-kem_theo = Caption under the title: `true` builds `(Kèm theo Công văn số … ngày … của …)` from this document; a string is printed as written.
schema-PhuLuc-mau = A complete form with its own header, number, date, body and signer.
schema-PhuLuc-nhan = Label on the first line, e.g. `Phụ lục I` or `MẪU BC`.
schema-PhuLuc-noi_dung = Body blocks of the appendix.
schema-PhuLuc-tieu_de = Title, bold upper case, centred.
schema-TrinhBay = Presentation choices NĐ30 leaves to the issuer (Phụ lục I, Mục I–II).
schema-TrinhBay-co_chu = Body text size in pt, 13 to 14 (default 14).
schema-TrinhBay-co_chu_co_quan = Size of the issuer's names (cơ quan chủ quản and ban hành) in pt, 12 to 13.
schema-TrinhBay-co_chu_ngay = Date line size in pt, 13 to 14.
schema-TrinhBay-co_chu_quoc_hieu = Quốc hiệu size in pt, 12 to 13 (default 12). Each header size has its own key; the ones left out follow the decree's pairs: with a Quốc hiệu of 12, Tiêu ngữ and date line 13; with 13, Tiêu ngữ and date line 14 and the issuer's names 12.
schema-TrinhBay-co_chu_tieu_ngu = Tiêu ngữ size in pt, 13 to 14.
schema-TrinhBay-co_chu_vv = Size of a công văn's `V/v` subject in pt, 12 to 13 (default 13).
schema-TrinhBay-le = Page margins in mm; each one left out keeps its default.
schema-VanBan-ben_kia = The other party's signer of a hợp đồng, bản ghi nhớ or bản thỏa thuận (`ĐẠI DIỆN BÊN A`): signs on the left, level with `nguoi_ky` (the issuer's side) on the right; Nơi nhận then goes under both.
schema-VanBan-bien = Free variables usable in any text as `{"{"}{"{"} bien.name {"}"}{"}"}` or `{"{"}{"{"} name {"}"}{"}"}`.
schema-VanBan-can_cu = Legal bases (căn cứ) of a quyết định, italic, one per line; the layout adds `;` and the final `.`.
schema-VanBan-chu_thich = An italic caption under the title, e.g. a form's `(Kèm theo Công văn số…, ngày…)` line, printed as written.
schema-VanBan-co_quan = Issuing body (cơ quan ban hành), upper case, e.g. `PHÒNG GIÁO DỤC VÀ ĐÀO TẠO`.
schema-VanBan-co_quan_chu_quan = Parent body (cơ quan chủ quản), upper case, e.g. `UBND HUYỆN THỦ THỪA`. A line break (`\n`) may be given to choose where a long name wraps.
schema-VanBan-dang = A Party document (văn bản của Đảng, Hướng dẫn 36-HD/VPTW): the header reads `ĐẢNG CỘNG SẢN VIỆT NAM` in place of the Quốc hiệu and Tiêu ngữ, a star under the issuer, and the number `Số 12-BC/ĐU` (`ky_hieu` is then the issuer's part, `ĐU`).
schema-VanBan-dia_danh = Place name (địa danh) of the date line, e.g. `Thủ Thừa`.
schema-VanBan-do_khan = Urgency mark (độ khẩn): `khan`, `thuong_khan` or `hoa_toc`.
schema-VanBan-do_mat = Secrecy mark (độ mật): `mat`, `toi_mat` or `tuyet_mat`.
schema-VanBan-dong_ngay = The whole place-and-date line written literally, for blank forms (`....., ngày.....tháng.....năm 2022`). Replaces `dia_danh` and `ngay`.
schema-VanBan-extends = Path of a parent document (relative to this file) whose keys this one inherits and overrides. Handled by the loader before typing.
schema-VanBan-extends_sha256 = SHA-256 of the parent's text when this document was derived from it (`vanban derive` writes it): `check` warns when the parent has been changed since. Never inherited, never printed.
schema-VanBan-kem_theo = A document issued with another one, such as a quy định attached to a quyết định: the caption `(Kèm theo Quyết định số … ngày … của …)` under the title, above its rule (NĐ30 Phụ lục III, after Mẫu 1.3). A path to that document's YAML builds it; inside `phu_luc: - mau:`, `true` builds it from the enclosing document; other text is printed as written. Such a document has no number or date line of its own.
schema-VanBan-kinh_gui = Recipients (kính gửi): one string, or a list. One recipient stays on the `Kính gửi:` line; several become `- …;` lines, the last ending `.`.
schema-VanBan-kinh_gui_ghi_chu = A line under the recipients, e.g. `(qua Phòng Giáo dục Thường xuyên)`.
schema-VanBan-ky_hieu = Symbol (ký hiệu) after the slash. The type part comes from the kind (`VHTT` on a hướng dẫn prints `HD-VHTT`) unless it is already given (`HD-VHTT`). Công văn have no type part.
schema-VanBan-loai = Document kind (tên loại văn bản): `cong_van`, `ke_hoach`, `huong_dan`, …
schema-VanBan-luu_hanh = Circulation note (phạm vi lưu hành), e.g. `LƯU HÀNH NỘI BỘ`.
schema-VanBan-mo_dau = Continuation of the opening sentence after the `thuc_hien` citations, e.g. `, Phòng Giáo dục và Đào tạo hướng dẫn … như sau:`. Default `.`.
schema-VanBan-ngay = Date of issue: `2023-10-02` or `02/10/2023`; a draft may leave the day (`2023-10`, `10/2023`) or day and month (`2023`) blank.
schema-VanBan-nguoi_ky = Signer (người ký).
schema-VanBan-noi_dung = Body (nội dung): a list of blocks, see [`Khoi`].
schema-VanBan-noi_nhan = Recipients for information (nơi nhận), without trailing punctuation: the layout ends each with `;` and the last (`Lưu: VT, …`) with `.`. An item may be a group with a label, e.g. `Bản điện tử: [A, B]`.
schema-VanBan-phu_luc = Appendices (phụ lục) and attached forms (mẫu), each on a new page.
schema-VanBan-so = Register number (số). Empty or absent: a draft awaiting registration, printed as a visible gap. Numbers below 10 get a leading zero.
schema-VanBan-ten_co_quan = The issuing body's full name in normal case, used when another document cites this one (`của Ủy ban nhân dân huyện Thủ Thừa`).
schema-VanBan-ten_loai = Type name override (tên loại), e.g. `BÁO CÁO VIỆC TỔ CHỨC…`. Defaults to the kind's name (`KẾ HOẠCH`); công văn have none.
schema-VanBan-tham_quyen = Authority line of a quyết định under its type name, e.g. `CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HIỆP HÒA`.
schema-VanBan-thu_ky = The second signer of a biên bản (NĐ30 Mẫu 1.9): the secretary (`THƯ KÝ`), signing on the left, level with `nguoi_ky` (the chair, `CHỦ TỌA`) on the right; Nơi nhận then goes under both.
schema-VanBan-thuc_hien = Documents this one implements (thực hiện): paths of other YAML documents or plain citations. They open the body as one sentence.
schema-VanBan-trich_yeu = Subject line (trích yếu). For a công văn it is printed as `V/v …` under the number; otherwise bold under the type name.
schema-VanBan-trinh_bay = Presentation (trình bày): body size, the header's size pair and the page margins, within the ranges NĐ30 allows. Absent: the defaults.

# Messages that were English only (review of the fourth session)
diff-no-extends = { $path }: has no `extends`, nothing to compare
dpi-not-positive = --dpi must be a positive number, not { $dpi }
dpi-too-many-pixels = page { $page } at { $dpi } dpi would be { $megapixels } megapixels, more than the { $max } allowed; use a lower --dpi
extract-not-pdf = { $path }: not a readable PDF ({ $detail }); check that the file is a PDF and not damaged
extract-no-source = { $path }: no vanban source is embedded (build it with `vanban build --embed-source`)
extract-bad-name = { $path }: refusing the embedded file name `{ $name }` (not a plain relative path)
extract-existing = not overwriting existing files: { $files }; choose another folder with -o
extends-cycle = `extends` forms a cycle: { $cycle }; remove `extends` from one document of the cycle
extends-too-deep = { $path }: `extends` chain longer than { $max } documents
cite-cycle = { $path }: documents cite each other in a cycle: { $cycle }
font-path-not-folder = font path `{ $path }` is not a folder
font-family-unknown = font family `{ $family }` not found; available: { $known }
image-not-file = the image `{ $path }` is not a file
