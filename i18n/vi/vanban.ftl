# Thông báo của vanban bằng tiếng Việt (ngôn ngữ mặc định). Mỗi id ở đây
# có bản tiếng Anh cùng id trong i18n/en/vanban.ftl (có kiểm thử cả hai chiều).
# Không dùng từ kỹ thuật của serde/YAML: nói theo ngôn ngữ văn bản.

## Thông báo lỗi: điều gì sai

text = { $text }
at-prefix = Tại `{ $at }`:
yaml-syntax = tệp viết sai quy tắc YAML ({ $detail })
yaml-unclosed-quote = dấu nháy { $quote } mở ở đây nhưng không có dấu nháy đóng
yaml-colon = dấu `: ` ở giữa dòng làm phần sau bị hiểu thành một khóa mới
yaml-tab = dòng này thụt lề bằng phím Tab
yaml-indent-more = dòng này thụt lề sâu hơn các khóa cùng nhóm
yaml-indent-less = dòng này thụt lề ít hơn các khóa cùng nhóm, nên `{ $key }` bị tách khỏi nhóm
yaml-list-mix = dòng này trộn mục danh sách (`- `) với các khóa cùng mức thụt lề
yaml-duplicate-key = khóa `{ $key }` xuất hiện hai lần trong cùng một nhóm
document-empty = văn bản chưa có nội dung
document-not-keys = văn bản phải là danh sách các khóa (`loai:`, `co_quan:`, …)
too-large = tệp có { $bytes } byte, quá giới hạn { $max } byte của một văn bản
typing = giá trị không hợp lệ ({ $detail })
unknown-key = không có khóa `{ $key }` trong từ vựng của vanban
unknown-block = không có loại khối `{ $key }`
unknown-kind = không có loại văn bản `{ $value }`
    các loại văn bản: { $kinds }
unknown-value = không dùng được giá trị `{ $value }` ở đây
wrong-type = cần { $want ->
        [string] một đoạn chữ
        [number] một số, ví dụ 14 hoặc 2.5
        [integer] một số nguyên, ví dụ 3
        [list] một danh sách (mỗi mục một dòng, bắt đầu bằng `- `)
        [map] các khóa con bên dưới (mỗi dòng một `khóa: giá trị`, thụt lề)
        [bool] `true` (có) hoặc `false` (không)
        [text-or-list] một đoạn chữ hoặc một danh sách các đoạn chữ
        [number-or-text] một số hoặc một đoạn chữ
        [cell] một ô của bảng: chữ hoặc số
        [row] một hàng của bảng: danh sách các ô
        [rows] danh sách các hàng, mỗi hàng là danh sách các ô
        [table] một bảng: `dau` (các ô tiêu đề) và `dong` (các hàng)
        [block] một đoạn văn (chữ) hoặc một khối như `muc:`, `khoan:`, `gach:`, `bang:`
        [recipient] một nơi nhận (chữ) hoặc một nhóm như `Bản điện tử: [ … ]`
        [date] một ngày, ví dụ 2023-10-02
       *[other] giá trị khác ({ $wanttext })
    }, nhưng ở đây là { $got ->
        [map] một cặp `khóa: giá trị`
        [string] chữ "{ $value }"
        [number] số { $value }
        [list] một danh sách
        [bool] `{ $value }`
        [null] ô trống
       *[other] { $value }
    }
missing-key = thiếu khóa `{ $key }`
date-invalid = `{ $value }` không phải là ngày: viết `2023-10-02` hoặc `02/10/2023` (bản nháp có thể viết `2023-10`, `10/2023` hoặc `2023`)
date-no-month = `{ $value }`: không có tháng { $month }
date-no-day = `{ $value }`: tháng { $month }/{ $year } không có ngày { $day }
out-of-range = { $value } { $unit } nằm ngoài khoảng NĐ30 cho phép, từ { $lo } đến { $hi } { $unit }
quoc-hieu-size = cỡ chữ { $value } pt; NĐ30 chỉ cho Quốc hiệu cỡ 12 (Tiêu ngữ 13) hoặc cỡ 13 (Tiêu ngữ 14)
not-positive = không dùng được `{ $value }` ở đây: cần một số lớn hơn 0, ví dụ 1 hoặc 2.5
row-cells = hàng { $n } của bảng có { $got } ô, nhưng bảng có { $want } cột (bằng số { $from ->
        [dau] ô tiêu đề `dau`
       *[cot] độ rộng cột `cot`
    })
image-format = `{ $value }`: chữ ký hoặc con dấu phải là ảnh PNG, JPG hoặc SVG (tên tệp kết thúc bằng .png, .jpg, .jpeg hoặc .svg)
ref-cannot-open = không mở được { $what ->
        [image] ảnh
       *[other] tệp
    } `{ $path }` ({ $full }): { $reason }
ref-outside = { $what ->
        [image] ảnh
       *[other] tệp
    } `{ $path }` nằm ngoài thư mục dự án `{ $root }`; mọi tệp văn bản dùng đến phải nằm trong thư mục này (thư mục dự án là thư mục đưa cho `vanban serve` (hoặc `build`/`check`), nếu không thì là thư mục gần nhất phía trên văn bản có tệp `vanban.toml` (có thể để trống) hoặc `.git`, nếu không nữa thì là thư mục của chính văn bản; hãy đặt một tệp `vanban.toml` trống vào thư mục chứa mọi văn bản dùng đến nhau)
image = { $detail }
template-in-text = trong mẫu của văn bản: { $detail }
template-undefined = trong mẫu của văn bản: chưa khai báo biến `{ $name }`
layout-template = lỗi trong mẫu trình bày: { $detail }
layout-failed-on-value = không trình bày được giá trị này: { $detail }
typst = { $detail }
typst-generated-as = Typst nhận đoạn chữ này thành `{ $snippet }` (dòng { $line } của { $file ->
        [none] mã nguồn sinh ra; `vanban build --typst` giữ lại tệp đó
       *[other] `{ $file }`
    })
typst-trace = { $detail }
warning = { $text }

## Thông báo lỗi: cách sửa

did-you-mean = có phải ý bạn là `{ $key }`?
allowed = dùng được ở đây: { $keys }
add-key = thêm dòng `{ $key }: …` vào văn bản
template-variables = biến lấy từ mục `bien:` (và `nam`, năm của văn bản)
tab-indent = thụt lề bằng dấu cách (phím Space), không dùng phím Tab
quote-item = mục `{ $rest }` có dấu `: ` nên bị hiểu thành một cặp khóa và giá trị; đặt cả dòng trong dấu nháy: - "{ $quoted }"
quote-colon = dấu `: ` trong đoạn chữ làm nó bị hiểu thành khóa; đặt đoạn chữ trong dấu nháy: { $fixed }
not-text = `{ $value }` được hiểu là giá trị đặc biệt, không phải chữ; muốn ghi chữ thì viết "{ $value }"
hash-comment = ` #` bắt đầu một ghi chú bị bỏ qua; đặt đoạn chữ trong dấu nháy
close-quote = kết thúc đoạn chữ bằng đúng dấu nháy đã mở: { $fixed }
align-key = bắt đầu khóa ở cột { $column }, thẳng cột với các khóa cùng nhóm (chỉ dùng dấu cách)
typst-hint = { $text }
label-error = lỗi
label-warning = cảnh báo
label-help = gợi ý
label-note = ghi chú
at-place = { $message } tại { $place }

## Tiến trình và tổng kết

documents-failed = { $failed }/{ $total } văn bản có lỗi
checked-ok = { $path }: đạt

## Dòng lệnh: `vanban --help` và trợ giúp của từng lệnh

cli-about = Soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP: từ tệp YAML ra PDF đúng thể thức.
cli-heading-usage = Cách dùng:
cli-heading-commands = Các lệnh
cli-heading-options = Tùy chọn
cli-heading-arguments = Tham số
cli-help = In trợ giúp
cli-version = In phiên bản
cli-arg-lang = Ngôn ngữ của thông báo và trợ giúp: vi (tiếng Việt, mặc định) hoặc en (tiếng Anh); nếu không ghi, LANG/LC_MESSAGES/LANGUAGE bắt đầu bằng `en` sẽ chọn tiếng Anh
cli-examples =
    Ví dụ:
      vanban build data/examples/cong-van.yaml            # tạo data/examples/cong-van.pdf
      vanban build data/ -o out/                          # mọi văn bản trong thư mục data/
      vanban build data/2023/*.yaml -o out/ --typst       # PDF và mã Typst sinh ra, vào out/
      vanban build cong-van.yaml --format png --dpi 100   # cong-van-1.png, cong-van-2.png, …
      vanban build ke-hoach.yaml --font-path ~/fonts --font "Times New Roman"
      vanban watch ke-hoach.yaml --format pdf,png         # tạo lại mỗi lần lưu tệp
      vanban build kh.yaml --pdf-a --embed-source         # lưu trữ: PDF/A-3b kèm tệp YAML
      vanban extract kh.pdf -o kh-src/                    # lấy lại tệp YAML từ PDF
      vanban check data/**/*.yaml                         # kiểm tra, không ghi tệp nào
      vanban schema > vanban.schema.json                  # JSON Schema cho trình soạn thảo
      vanban list data/ --format csv                      # sổ văn bản, theo ngày
      vanban new --from cv-2022.yaml --year 2023 -o cv-2023.yaml   # bản nháp cho năm sau
      vanban derive tinh/ke-hoach.yaml -o huyen/ke-hoach.yaml      # văn bản con kế thừa
      vanban diff huyen/ke-hoach.yaml                     # văn bản con thay đổi gì
      vanban serve data/ --open                           # trình soạn thảo trên trình duyệt
      vanban cap-so cong-van.yaml                         # cấp số: ghi so/ngay, vào sổ, tạo PDF
      vanban thu-hoi cong-van.yaml --reason "ban hành nhầm"  # thu hồi số, không cấp lại
      vanban so-dang-ky --year 2026 -o so-2026.pdf        # sổ đăng ký để in (hoặc .xlsx, .csv)
      vanban tron-thu giay-moi.yaml khach.csv             # mỗi dòng một giấy mời có số

    Mã thoát: 0 thành công, 1 văn bản có lỗi, 2 gõ lệnh sai.

cli-build-about = Tạo PDF từ các văn bản YAML (thư mục: mọi văn bản trong đó)
cli-build-arg-files = Các văn bản YAML hoặc thư mục
cli-build-arg-out = Thư mục ghi kết quả (mặc định: cạnh mỗi văn bản)
cli-build-arg-typst = Ghi thêm mã nguồn Typst sinh ra (TÊN.typ)
cli-build-arg-pdf_a = Tạo PDF/A để lưu trữ: PDF/A-2b, hoặc PDF/A-3b khi có --embed-source
cli-build-arg-embed_source = Đính kèm tệp YAML và các tệp liên quan vào PDF (lấy lại bằng vanban extract)
cli-build-arg-format = Loại tệp cần tạo (cách nhau bằng dấu phẩy hoặc ghi lặp lại): PDF, hoặc mỗi trang một ảnh (TÊN-1.png, TÊN-2.png, …)
cli-build-arg-dpi = Độ phân giải của ảnh PNG, tính bằng điểm mỗi inch
cli-build-arg-font_path = Thêm phông chữ từ thư mục này (ghi được nhiều lần), ví dụ Times New Roman của cơ quan
cli-build-arg-font = Phông chữ của nội dung (mặc định: Times New Roman nếu có, nếu không thì Liberation Serif)
cli-build-arg-layouts = Đọc mẫu trình bày từ thư mục này thay cho bản có sẵn (hoặc biến VANBAN_LAYOUTS)
cli-watch-about = Tạo một văn bản, rồi tạo lại mỗi khi văn bản hoặc văn bản cha được lưu
cli-watch-arg-file = Văn bản YAML
cli-watch-arg-out = { cli-build-arg-out }
cli-watch-arg-typst = { cli-build-arg-typst }
cli-watch-arg-pdf_a = { cli-build-arg-pdf_a }
cli-watch-arg-embed_source = { cli-build-arg-embed_source }
cli-watch-arg-format = { cli-build-arg-format }
cli-watch-arg-dpi = { cli-build-arg-dpi }
cli-watch-arg-font_path = { cli-build-arg-font_path }
cli-watch-arg-font = { cli-build-arg-font }
cli-watch-arg-layouts = { cli-build-arg-layouts }
cli-extract-about = Lấy lại các tệp YAML đã đính kèm bằng build --embed-source
cli-extract-arg-pdf = Tệp PDF
cli-extract-arg-out = Thư mục ghi các tệp lấy ra (mặc định: TÊN-source cạnh tệp PDF)
cli-check-about = Kiểm tra văn bản (YAML, từ vựng, trình bày) mà không ghi tệp nào
cli-check-arg-files = { cli-build-arg-files }
cli-check-arg-font_path = { cli-build-arg-font_path }
cli-check-arg-font = { cli-build-arg-font }
cli-check-arg-layouts = { cli-build-arg-layouts }
cli-schema-about = In JSON Schema của từ vựng văn bản, cho trình soạn thảo
cli-list-about = Sổ văn bản: mọi văn bản trong một thư mục, xếp theo ngày
cli-list-arg-dir = Thư mục cần liệt kê
cli-list-arg-format = Dạng kết quả
cli-new-about = Bản nháp năm sau của một văn bản: dời ngày, xóa số văn bản
cli-new-arg-from = Văn bản của năm trước
cli-new-arg-year = Năm mới
cli-new-arg-dry_run = Chỉ in ra các thay đổi và chỗ cần xem lại, không ghi tệp
cli-new-arg-out = Nơi ghi (mặc định: in ra màn hình)
cli-derive-about = Tạo văn bản con kế thừa văn bản PARENT
cli-derive-arg-parent = Văn bản cha
cli-derive-arg-out = Văn bản con cần tạo
cli-diff-about = Cho biết văn bản con thay đổi gì so với văn bản cha
cli-diff-arg-child = Văn bản con
cli-serve-about = Soạn các văn bản trong thư mục DIR trên trình duyệt, xem trước ngay
cli-serve-arg-dir = Thư mục văn bản
cli-serve-arg-port = Cổng lắng nghe (0: cổng trống bất kỳ)
cli-serve-arg-bind = Địa chỉ lắng nghe; yêu cầu gửi đến phải ghi đúng địa chỉ này
cli-serve-arg-open = Mở trang trong trình duyệt mặc định
cli-serve-arg-font_path = { cli-build-arg-font_path }
cli-serve-arg-font = { cli-build-arg-font }
cli-serve-arg-layouts = { cli-build-arg-layouts }

## Dòng tiến trình của các lệnh

watch-watching = đang theo dõi { $files } (Ctrl-C để dừng)
watch-built = { $time } đã tạo { $files } trong { $ms } ms
watch-not-rebuilt = { $time } chưa tạo lại được { $path }; { $kept ->
        [yes] vẫn giữ bản đã tạo trước đó
       *[no] chưa ghi tệp nào cho đến khi sửa xong lỗi
    }
derive-written = đã ghi { $path }; còn phải điền: { $keys }
extract-rebuild = tạo lại đúng tệp PDF này bằng lệnh: { $command }
list-duplicates = cảnh báo: { $count } văn bản trùng số với văn bản khác cùng cơ quan, cùng năm
new-draft = { $path }: bản nháp năm { $year } (đã xóa số, ngày chưa ghi ngày cụ thể)

## Máy chủ của trình soạn thảo

serve-no-file-name = `{ $path }` không có tên tệp
serve-folder-outside = thư mục `{ $path }` nằm ngoài thư mục đang mở
serve-not-a-folder = { $path } không phải là thư mục: hãy mở một thư mục chứa văn bản
serve-path-outside = `{ $path }` nằm ngoài thư mục đang mở
serve-path-unusable = không dùng được `{ $path }`: { $reason }
serve-path-not-file = `{ $path }` không phải là tệp
serve-path-file-not-folder = `{ $folder }` là tệp, không phải thư mục: hãy chọn thư mục khác cho `{ $path }`
serve-path-exists = `{ $path }` đã có; vanban không ghi đè: hãy đặt tên khác
serve-path-absolute = `{ $path }`: chỉ dùng được đường dẫn bên trong thư mục đang mở
serve-path-not-yaml = `{ $path }`: chỉ mở được văn bản YAML (.yaml, .yml)
serve-refused-host = từ chối: Host `{ $host }` không phải địa chỉ của máy chủ này
serve-refused-origin = từ chối: Origin `{ $origin }` không phải máy chủ này
serve-cap-so-changed = `{ $path }` đã bị thay đổi trên đĩa từ khi mở: hãy mở lại rồi cấp số
file-exists = { $path } đã có; vanban không ghi đè: hãy đặt tên khác hoặc xóa tệp cũ
serve-folder-unusable = không dùng được thư mục `{ $path }`: { $reason }
serve-cannot-load = không mở được
serve-changed-on-disk = `{ $path }` đã bị thay đổi trên đĩa sau khi mở; hãy tải lại trước khi lưu
serve-too-large = văn bản quá lớn
serve-preview-too-slow = xem trước quá { $seconds } giây nên đã dừng: văn bản có thể quá lớn; hãy chia nhỏ văn bản hoặc tạo PDF bằng lệnh `vanban build`
serve-preview-stopped = xem trước bị dừng (mỗi lần xem trước được dùng tối đa { $mb } MB bộ nhớ): văn bản có thể quá lớn; hãy chia nhỏ văn bản ({ $reason })
serve-unknown-kind = không có loại văn bản `{ $kind }`
serve-no-year = văn bản không có `ngay` hoặc `bien.nam` để biết năm
serve-side-unusable = không dùng được `{ $path }` để giữ bản nháp và bản sao lưu: đó phải là một thư mục (không phải tệp hay liên kết)
serve-no-backup = `{ $path }` chưa có bản lưu trước
serve-body-kind = `{ $kind }` không phải loại khối mà biểu mẫu viết được
serve-body-no-block = nội dung không có khối { $n }: hãy mở lại thẻ Biểu mẫu
serve-body-not-editable = nội dung được viết theo cách biểu mẫu không sửa được: hãy sửa ở thẻ YAML
io-reason = { $kind ->
        [not-found] thư mục hoặc tệp không tồn tại
        [permission] không có quyền truy cập
        [is-dir] đây là thư mục, không phải tệp
       *[other] { $text }
    }

## Dòng lệnh: các lệnh của sổ văn bản

cli-cap-so-about = Cấp số tiếp theo cho mỗi văn bản: ghi so: và ngay: vào tệp YAML, vào sổ (so-van-ban.sqlite ở thư mục dự án) và tạo PDF
cli-cap-so-arg-files = Các văn bản YAML cần cấp số, lần lượt từng văn bản
cli-cap-so-arg-date = Ngày ban hành (mặc định: hôm nay): 2026-10-02 hoặc 02/10/2026
cli-cap-so-arg-copies = Số lượng bản, ghi vào sổ
cli-cap-so-arg-out = Thư mục ghi PDF (mặc định: cạnh mỗi tệp YAML)
cli-cap-so-arg-no_pdf = Chỉ ghi số vào sổ, không tạo PDF
cli-cap-so-arg-pdf_a = Tạo PDF/A (xem build --pdf-a)
cli-cap-so-arg-embed_source = Đính kèm tệp YAML vào PDF (xem build --embed-source)
cli-cap-so-arg-font_path = { cli-build-arg-font_path }
cli-cap-so-arg-font = { cli-build-arg-font }
cli-cap-so-arg-layouts = { cli-build-arg-layouts }
cli-thu-hoi-about = Ghi một số là đã thu hồi; số này không bao giờ được cấp lại
cli-thu-hoi-arg-file = Văn bản YAML đã cấp số (có thể đã bị xóa)
cli-thu-hoi-arg-reason = Lý do thu hồi, ghi vào cột Ghi chú
cli-thu-hoi-arg-date = Ngày thu hồi (mặc định: hôm nay)
cli-so-dang-ky-about = Sổ đăng ký văn bản đi: xem trên màn hình, xuất CSV, XLSX hoặc PDF để in, hoặc nhập từ sổ có sẵn
cli-so-dang-ky-arg-dir = Thư mục dự án (sổ là tệp so-van-ban.sqlite)
cli-so-dang-ky-arg-year = Chỉ năm này
cli-so-dang-ky-arg-issuer = Chỉ cơ quan ban hành này
cli-so-dang-ky-arg-secret = Sổ văn bản mật thay cho sổ thường
cli-so-dang-ky-arg-out = Ghi ra TỆP: .csv (UTF-8 cho Excel), .xlsx, hoặc .pdf (sổ để in: một cơ quan, một năm). Mặc định: in bảng
cli-so-dang-ky-arg-import = Thêm các dòng của một sổ có sẵn (.csv hoặc .xlsx, cùng tên cột như khi xuất), ví dụ khi bắt đầu dùng giữa năm
cli-so-dang-ky-arg-font_path = { cli-build-arg-font_path }
cli-so-dang-ky-arg-font = { cli-build-arg-font }
cli-so-dang-ky-arg-layouts = { cli-build-arg-layouts }
cli-tron-thu-about = Trộn thư: mỗi dòng của tệp CSV hoặc XLSX thành một văn bản kế thừa văn bản mẫu, mỗi văn bản một số hoặc dùng chung một số
cli-tron-thu-arg-template = Văn bản mẫu để điền (trong chữ dùng {"{{"} TÊN {"}}"} cho các cột; mục bien: giữ giá trị mẫu)
cli-tron-thu-arg-data = Các dòng: .csv hoặc .xlsx, tên cột là tên biến (ho_ten); cột kinh_gui hoặc trich_yeu đặt khóa đó; hoặc @NHOM: mỗi mục của nhóm đó trong sổ địa chỉ so-dia-chi.yaml
cli-tron-thu-arg-out = Thư mục ghi các văn bản (mặc định: TÊN-tron/ cạnh văn bản mẫu)
cli-tron-thu-arg-numbers = Mỗi văn bản một số, dùng chung một số (của văn bản mẫu), hoặc không cấp số (bản nháp)
cli-tron-thu-arg-date = Ngày ban hành (mặc định: hôm nay)
cli-tron-thu-arg-no_pdf = Chỉ ghi (và cấp số) các văn bản YAML, không tạo PDF
cli-tron-thu-arg-font_path = { cli-build-arg-font_path }
cli-tron-thu-arg-font = { cli-build-arg-font }
cli-tron-thu-arg-layouts = { cli-build-arg-layouts }

## Dòng lệnh: chữ của clap (tên giá trị, giá trị được dùng, lỗi gõ lệnh)

cli-value-command = LỆNH
cli-value-options = TÙY_CHỌN
cli-help-command-about = In trợ giúp chung hoặc trợ giúp của một lệnh
cli-help-command-arg = Lệnh cần xem trợ giúp
cli-default = mặc định: { $value }
cli-values = giá trị: { $values }
cli-values-heading = Các giá trị:
cli-value-format-pdf = Một tệp PDF cho cả văn bản (TÊN.pdf)
cli-value-format-png = Mỗi trang một ảnh PNG (TÊN-1.png, TÊN-2.png, …)
cli-value-format-svg = Mỗi trang một ảnh SVG (TÊN-1.svg, TÊN-2.svg, …)
cli-value-format-docx = Tệp Word sửa được, trình bày như bản PDF (TÊN.docx)
cli-value-format-table = Bảng thẳng cột
cli-value-format-csv = Các giá trị cách nhau bằng dấu phẩy (mở được bằng Excel)
cli-value-format-json = Danh sách JSON
cli-value-numbers-each = Mỗi văn bản được cấp một số riêng
cli-value-numbers-shared = Một số chung, cấp cho văn bản mẫu, in trên mọi văn bản
cli-value-numbers-none = Không cấp số: bản nháp
cli-value-truong-nguoi-ky = Chữ ký của người ký (ô 7c)
cli-value-truong-co-quan = Chữ ký của cơ quan (ô 8, trên con dấu)
cli-value-hinh_thuc-sao-y = Sao y: sao đầy đủ, chính xác nội dung bản gốc hoặc bản chính
cli-value-hinh_thuc-sao-luc = Sao lục: sao đầy đủ, chính xác nội dung bản sao y
cli-value-hinh_thuc-trich-sao = Trích sao: sao một phần nội dung bản gốc hoặc bản chính
cli-value-name-bind = ĐỊA_CHỈ
cli-value-name-ca = CA
cli-value-name-child = VĂN_BẢN_CON
cli-value-name-data = DỮ_LIỆU
cli-value-name-date = NGÀY
cli-value-name-dir = THƯ_MỤC
cli-value-name-file = TỆP
cli-value-name-format = DẠNG
cli-value-name-image = ẢNH
cli-value-name-n = SỐ
cli-value-name-name = TÊN
cli-value-name-new = MỚI
cli-value-name-numbers = CÁCH_CẤP_SỐ
cli-value-name-out = RA
cli-value-name-parent = VĂN_BẢN_CHA
cli-value-name-pdf = TỆP.pdf
cli-value-name-port = CỔNG
cli-value-name-template = MẪU
cli-value-name-text = CHỮ
cli-value-name-truong = Ô_KÝ
cli-value-name-year = NĂM
cli-value-name-abbr = KÝ_HIỆU
cli-value-name-hinh_thuc = HÌNH_THỨC
cli-value-name-label = NHÃN
cli-value-name-lib = THƯ_VIỆN
cli-value-name-place = ĐỊA_DANH
cli-value-name-so_ky_hieu = SỐ/KÝ_HIỆU
cli-error-unknown-argument = { $kind ->
        [option] không có tùy chọn `{ $arg }`
       *[value] lệnh này không nhận thêm `{ $arg }`
    }
cli-error-invalid-value = `{ $value }` không dùng được cho `{ $arg }`
cli-error-empty-value = `{ $arg }` cần một giá trị
cli-error-valid-values = các giá trị dùng được: { $values }
cli-error-value-validation = `{ $value }` không dùng được cho `{ $arg }`: { $reason }
cli-error-unknown-command = không có lệnh `{ $command }`
cli-error-missing = còn thiếu: { $args }
cli-error-missing-command = cần ghi tên một lệnh
cli-error-commands = các lệnh: { $commands }
cli-error-conflict = không dùng `{ $arg }` cùng với `{ $other }`
cli-error-no-equals = `{ $arg }` cần dấu `=` trước giá trị, ví dụ `{ $arg }=…`
cli-error-value-count = `{ $arg }` có số giá trị không đúng
cli-error-utf8 = dòng lệnh có ký tự không đọc được (không phải UTF-8)
cli-error-other = dòng lệnh chưa đúng
cli-error-more = Xem hướng dẫn: thêm `--help` vào cuối lệnh.
cli-error-as-value = muốn dùng `{ $arg }` làm giá trị thì viết `-- { $arg }`
cli-error-remove-dashes = có lệnh `{ $command }`; muốn dùng lệnh này thì bỏ `--` đứng trước
cli-error-elsewhere = tùy chọn này dùng được trong `{ $usage }`
cli-reason-number = cần một số, ví dụ 150
cli-reason-number-size = số quá lớn hoặc quá nhỏ
cli-reason-ip = cần một địa chỉ IP, ví dụ 127.0.0.1
cli-reason-range = cần một số từ { $lo } đến { $hi }

## Sổ văn bản và sổ đăng ký: tên cột và chữ trong các ô

list-col-number = Số/ký hiệu
list-col-date = Ngày
list-col-kind = Loại
list-col-subject = Trích yếu
list-col-issuer = Cơ quan
list-col-file = Tệp
list-col-duplicate = Trùng số
list-duplicate-mark = (!trùng số)
word-yes = có
word-no = không
register-col-number = Số
register-col-symbol = Ký hiệu
register-col-date = Ngày tháng văn bản
register-col-title = Tên loại và trích yếu nội dung văn bản
register-col-signer = Người ký
register-col-recipients = Nơi nhận văn bản
register-col-file-copy = Đơn vị, người nhận bản lưu
register-col-copies = Số lượng bản
register-col-sent-on = Ngày chuyển
register-col-received-by = Ký nhận
register-col-note = Ghi chú
register-col-issuer = Cơ quan ban hành
register-col-parent = Cơ quan chủ quản
register-col-year = Năm
register-col-series = Sổ
register-col-status = Trạng thái
register-col-source = Tệp nguồn
register-col-sha256 = SHA-256 của PDF
register-col-number-symbol = Số, ký hiệu
register-col-title-short = Tên loại và trích yếu
register-col-issuer-short = Cơ quan
register-series-ordinary = thường
register-series-secret = mật
register-series-copy = bản sao
register-status-issued = đã cấp
register-status-withdrawn = đã thu hồi
register-sheet-name = Sổ đăng ký văn bản đi

## Sổ đăng ký: cấp số, thu hồi, xuất, nhập, trộn thư (src/register/msg.rs)

reg-already-numbered = văn bản đã có số { $number }; không cấp số lần nữa
reg-already-numbered-help = số đã cấp không được cấp lại; nếu văn bản bị thu hồi, ghi nhận bằng `vanban thu-hoi`, rồi xoá dòng `so:` để cấp số mới
reg-registered-elsewhere = sổ đăng ký đã cấp số { $number } ngày { $date } cho tệp này; không cấp số lần nữa (ghi lại `so:` và `ngay:` như trong sổ, hoặc thu hồi số đó bằng `vanban thu-hoi`)
reg-no-issuer = thiếu `co_quan` (cơ quan ban hành): mỗi cơ quan có một dãy số riêng, không cấp số được
reg-dong-ngay = văn bản dùng `dong_ngay` (dòng ngày viết sẵn của mẫu); xoá dòng này để cấp số và ghi ngày
reg-edit-failed = không ghi được `{ $key }` vào tệp (tệp viết theo kiểu YAML khác thường); hãy viết mỗi khoá một dòng, ví dụ `so:` và `ngay:` ở đầu dòng
reg-database = sổ đăng ký { $path }: { $detail }
reg-not-registered = { $path }: sổ đăng ký chưa cấp số nào cho tệp này (chưa `vanban cap-so`)
reg-no-register = chưa có sổ đăng ký { $path } (sổ được tạo khi cấp số đầu tiên bằng `vanban cap-so`)
reg-issued = { $path }: đã cấp số { $number } ngày { $date }{ $secret ->
        [yes] {" "}(sổ văn bản mật)
       *[no] {""}
    }
reg-withdrawn = { $path }: đã ghi thu hồi số { $number }; số này không được cấp lại
reg-already-withdrawn = { $path }: số { $number } đã được ghi thu hồi trước đó
# Ghi vào cột Ghi chú của sổ (văn bản chính thức, luôn bằng tiếng Việt).
reg-withdrawal-note = Thu hồi ngày { $date }
reg-withdrawal-note-reason = Thu hồi ngày { $date }: { $reason }
reg-disagrees = `{ $key }` trong tệp là { $file }, sổ đăng ký ghi { $register }
reg-disagrees-help = sổ đăng ký là bản ghi chính thức: sửa tệp cho khớp với sổ, hoặc thu hồi số (`vanban thu-hoi`)
reg-duplicate = trùng số { $number } trong dãy số của { $issuer } năm { $year } (dù ký hiệu khác): { $others }
reg-taken-in-register = số { $number } trong sổ đăng ký (tệp { $source })
reg-withdrawn-in-register = số { $number } đã thu hồi trong sổ đăng ký
reg-register-gaps = sổ { $series }của { $issuer } năm { $year } thiếu số { $missing } (không có trong sổ, cũng không ghi thu hồi)
reg-file-gap = thiếu số { $missing } trước số này (số liền trước: { $before })
reg-file-gap-help = mỗi cơ quan cấp số liên tục từ 01 mỗi năm (Điều 15 Nghị định 30/2020/NĐ-CP); `vanban cap-so` cấp số không trùng, không bỏ sót
reg-one-book = sổ in ra là một quyển: một cơ quan, một năm; chọn bằng `--year` và `--issuer` trong: { $books }
reg-empty = không có văn bản nào trong sổ đăng ký khớp với lựa chọn
reg-unknown-format = { $path }: không biết ghi sổ ra dạng này; dùng đuôi .csv, .xlsx hoặc .pdf
reg-bad-date = `{ $value }` không phải ngày đầy đủ: viết `2026-10-02` hoặc `02/10/2026`
reg-series-label = { $series ->
        [secret] văn bản mật{" "}
        [copy] bản sao{" "}
       *[ordinary] {""}
    }
reg-exported = { $path }: đã ghi { $rows } dòng của sổ đăng ký
reg-imported = { $path }: đã nhập { $rows } dòng vào sổ đăng ký { $register }
reg-audit-summary = { $errors } lỗi về số văn bản (so với nhau hoặc với sổ đăng ký)
reg-import-row = { $path }: dòng { $row }: { $what }
reg-import-missing-column = { $path }: thiếu cột `{ $column }` ở dòng tiêu đề (dòng 1); các cột như khi xuất bằng `vanban so-dang-ky -o so.xlsx`
reg-import-bad-number = `{ $value }` không phải số văn bản (cột Số)
reg-import-bad-date = `{ $value }` không phải ngày đầy đủ (cột Ngày tháng văn bản; viết 02/10/2026)
reg-import-no-issuer = không có cơ quan ban hành (cột Cơ quan ban hành, hoặc `--issuer` khi nhập)
reg-import-no-sheet = không có trang tính nào
reg-import-unreadable = { $path }: không đọc được bảng tính: { $detail }
reg-merge-exists = { $path } đã có; không ghi đè (tệp có thể đã được cấp số): chọn thư mục khác bằng `-o`
reg-merge-empty = { $path }: không có dòng dữ liệu nào dưới dòng tiêu đề
reg-merge-bad-head = { $path }: tiêu đề cột `{ $head }` không dùng làm tên biến được: chỉ chữ không dấu, số và `_`, ví dụ `ho_ten`
reg-merged = đã trộn { $count } văn bản vào { $dir }
reg-book = { $issuer }, { $year }{ $series ->
        [secret] {" "}(mật)
        [copy] {" "}(bản sao)
       *[ordinary] {""}
    }

## Cảnh báo khi kiểm tra văn bản (src/lints.rs)

lint-weekday = “{ $written }” không khớp với { $date }: ngày đó là { $expected }
lint-so-has-ky-hieu = số “{ $so }” đã có ký hiệu: sẽ in thành “Số: { $so }/{ $ky_hieu }”; chỉ ghi số (ký hiệu ở `ky_hieu`)
lint-so-has-slash = số “{ $so }” có dấu “/”: chỉ ghi số, ký hiệu ghi ở `ky_hieu`
lint-trich-yeu-vv = trích yếu bắt đầu bằng “{ $start }”: công văn đã in sẵn “V/v” trước trích yếu, sẽ in thành “V/v { $start } …”; bỏ “{ $start }”
lint-trich-yeu-abbreviation = trích yếu bắt đầu bằng “V/v”: văn bản có tên loại không viết “V/v” trước trích yếu
lint-merged = { $what } “{ $item }” có “{ $sep }”: có lẽ là hai mục bị nối thành một (một dòng `- …` thụt vào quá sâu?); mỗi mục là một dòng `- …`
lint-label-without-colon = “{ $item }” trông như tên nhóm Nơi nhận nhưng thiếu dấu hai chấm: viết `- { $item }:` và các nơi nhận của nhóm thụt vào dưới nó
lint-other-year = “{ $found }”: năm khác năm của văn bản ({ $year }), ngoài trích dẫn văn bản khác: kiểm tra (có thể còn sót từ văn bản năm trước)
lint-parent-changed = văn bản cấp trên ({ $parent }) đã được sửa sau khi tạo văn bản này: xem lại những gì kế thừa (`vanban diff`); đã xem xong thì ghi `extends_sha256: { $now }`
lint-part-kinh-gui = mục Kính gửi
lint-part-noi-nhan = mục Nơi nhận

## Báo cáo của `vanban new` (bản nháp năm sau, src/evolve/rollover.rs)

rollover-changed = Đã thay đổi
rollover-review = Cần xem lại
rollover-nothing = (không có)
rollover-number-cleared = (để trống: văn bản mới chưa có số)
rollover-weekday-of = (thứ của ngày { $date })
rollover-draft-date = { $after } (dự thảo: điền ngày khi ký)
rollover-summary = Dự thảo năm { $to } từ văn bản năm { $from }: { $changes } thay đổi, { $reviews } chỗ cần xem lại.
rollover-cited = { $what } → giữ nguyên (trích dẫn văn bản khác): còn là căn cứ đúng cho năm { $to }?
rollover-cited-undated = { $what } → giữ nguyên (trích dẫn văn bản khác, không ghi ngày): còn là căn cứ đúng cho năm { $to }?
rollover-cited-file = { $file } → giữ nguyên (văn bản khác, theo tệp): đã có bản năm { $to } để dẫn thay chưa?
rollover-year-left = { $year } → chưa đổi (không rõ là ngày của văn bản này hay của văn bản khác): kiểm tra, năm mới là { $to }

## Ký số và xác minh chữ ký (src/sign, vanban ky, vanban xac-minh)

sign-bad-trust-store = tệp CA tin cậy hỏng
sign-cannot-read-pdf = không đọc được PDF
sign-bad-signature = chữ ký hỏng
sign-field-problem = chữ ký `{ $field }`: { $problem }
sign-no-byterange = thiếu /ByteRange
sign-bad-byterange = /ByteRange hỏng
sign-no-contents = thiếu /Contents
sign-bad-cms = CMS hỏng: { $detail }
sign-bad-signed-data = CMS SignedData hỏng: { $detail }
sign-cms-no-signer = CMS không có người ký
sign-cms-no-signer-cert = CMS không có chứng thư của người ký
sign-cert-expired = chứng thư của { $name } hết hạn hoặc chưa có hiệu lực lúc ký
sign-bad-cert = chứng thư hỏng
sign-root-untrusted = CA gốc { $name } không nằm trong danh sách tin cậy
sign-issuer-not-found = không tìm thấy CA đã cấp chứng thư cho { $name } ({ $issuer })
sign-chain-too-long = chuỗi chứng thư quá dài
sign-p12-cannot-open = không mở được tệp chứng thư số: sai mật khẩu hoặc tệp hỏng ({ $detail })
sign-p12-no-key = tệp chứng thư số không có khóa bí mật
sign-bad-certificate = chứng thư số hỏng: { $detail }
sign-p12-no-cert = tệp chứng thư số không có chứng thư của khóa
sign-bad-key = khóa bí mật hỏng: { $detail }
sign-key-mismatch = khóa bí mật không khớp chứng thư số
sign-password-needed = cần mật khẩu của tệp chứng thư số: đặt biến môi trường { $var } hoặc chạy trong cửa sổ dòng lệnh để nhập
sign-password-prompt = Mật khẩu tệp chứng thư số:
sign-password-unreadable = không đọc được mật khẩu: { $detail }
sign-encrypted = PDF được mã hóa, không ký được
sign-no-fields = PDF không có ô chữ ký số; tạo lại bằng `vanban build --ky-so`
sign-no-such-field = PDF không có ô chữ ký `{ $field }`
sign-all-signed = mọi ô chữ ký đã được ký
sign-field-signed = ô chữ ký `{ $field }` đã được ký
sign-no-startxref = PDF thiếu `startxref`
sign-too-large = chữ ký { $bytes } byte, lớn hơn chỗ dành sẵn { $room } byte
sign-cms-failed = không tạo được chữ ký CMS: { $detail }
sign-no-signature-block = văn bản không có khối chữ ký (`nguoi_ky`), không có chỗ cho chữ ký số
sign-typst-pdf = PDF của Typst
sign-page-missing = chữ ký ở trang { $page } không có trong PDF
sign-broken-pdf = PDF hỏng
sign-no-root = PDF không có mục lục gốc (/Root)
sign-bad-png = ảnh PNG hỏng: { $detail }
sign-png-too-large = ảnh PNG quá lớn
sign-key-type = loại khóa { $oid } chưa được hỗ trợ (chỉ dùng được khóa RSA và ECDSA P-256)
verify-no-signature = { $path }: không có chữ ký số
verify-verdict = { $good ->
        [yes] HỢP LỆ
       *[no] KHÔNG HỢP LỆ
    }
verify-time = thời gian ký: { $time }
verify-checks = toàn vẹn: { $intact ->
        [yes] nguyên vẹn
       *[no] ĐÃ BỊ SỬA
    }; chữ ký: { $valid ->
        [yes] đúng
       *[no] SAI
    }; chứng thư: { $trust }
verify-trusted = tin cậy
verify-scope-whole = phạm vi: toàn bộ tệp
verify-scope-part = phạm vi: { $bytes } byte đầu; phần sau được thêm sau khi ký
verify-content-after = CẢNH BÁO: tệp có nội dung thêm sau chữ ký cuối cùng, không được ký
verify-rebuilt = nguồn YAML kèm theo: dựng lại đúng từng byte phiên bản đã ký
verify-not-rebuilt = KHÁC NGUỒN: nguồn YAML kèm theo không dựng lại được đúng phiên bản đã ký

## Máy chủ của trình soạn thảo và các lệnh chạy lâu: khởi động, hết giờ

serve-cannot-start = không khởi động được máy chủ: { $detail }
serve-cannot-listen = không lắng nghe được ở { $address }: { $detail }
serve-serving = vanban: đang phục vụ { $path } (Ctrl+C để dừng)
serve-no-browser = vanban: không mở được trình duyệt ({ $command }: { $detail }); hãy tự mở { $url }
serve-request-too-long = yêu cầu quá lâu
serve-preview-too-long = xem trước quá { $seconds } giây; văn bản có thể quá lớn
watch-cannot-watch = không theo dõi được các tệp: { $detail }
threads-cannot-start = không khởi động được các luồng xử lý: { $detail }

## Tệp đính kèm trong PDF (vanban extract)

embed-symlink = không ghi qua liên kết tượng trưng `{ $path }`
embed-too-many = hơn { $max } tệp đính kèm
embed-too-large = một tệp đính kèm lớn hơn { $limit } byte khi giải nén
embed-filter = bộ lọc nén không hỗ trợ

## Văn bản kế thừa (extends), khóa mà loại văn bản không in, cảnh báo về nội dung

merge-unknown-id = `id: { $id }` không có trong văn bản cấp trên ({ $parent }): sửa cho đúng id của mục muốn thay, hoặc thêm `them_moi: true` nếu đây là mục mới
merge-unknown-anchor = `{ $key }: { $id }`: văn bản cấp trên ({ $parent }) không có mục `id: { $id }`
merge-unknown-removal = `xoa: true` cho `id: { $id }`, nhưng văn bản cấp trên ({ $parent }) không có mục này
merge-not-new = `them_moi: true`, nhưng văn bản cấp trên ({ $parent }) đã có `id: { $id }`: bỏ `them_moi` để thay mục đó, hoặc đặt id khác
merge-known = các id của văn bản cấp trên ở đây: { $ids }
refused-tham-quyen = `tham_quyen` (dòng thẩm quyền dưới tên loại, hoặc người gửi công điện) chỉ có ở quyết định, nghị quyết và công điện; { $kind } không in dòng này: bỏ `tham_quyen`, hoặc viết `loai: quyet_dinh`
refused-thu-ky = `thu_ky` (người ký thứ hai, bên trái) chỉ có ở biên bản, cùng với `nguoi_ky`; { $kind } không in khối này: bỏ `thu_ky`, hoặc viết `loai: bien_ban` và thêm `nguoi_ky`
refused-ben-kia = `ben_kia` (người ký của bên kia, bên trái) chỉ có ở hợp đồng, bản ghi nhớ và bản thỏa thuận, cùng với `nguoi_ky`; { $kind } không in khối này: bỏ `ben_kia`, hoặc viết `loai: hop_dong` và thêm `nguoi_ky`
refused-phu-luc = phụ lục phát hành thành tệp riêng không có `{ $key }` (không có phần đầu, Kính gửi, chữ ký hay Nơi nhận: Phụ lục III, Mẫu 2.1, 2.2): bỏ `{ $key }`; số, ngày và tên cơ quan của văn bản chính viết ở `so`, `ky_hieu`, `ngay`, `ten_co_quan` hoặc `kem_theo: van-ban.yaml`
refused-can-cu-cong-dien = công điện không có phần căn cứ: bỏ `can_cu`, hoặc đưa căn cứ vào nội dung
refused-no-title = công văn không có tên loại nên không in `{ $key }`: bỏ `{ $key }`, hoặc chọn loại văn bản có tên loại (`loai: ke_hoach`, …)
refused-can-cu = `can_cu`: công văn không có phần căn cứ riêng: viết căn cứ trong câu mở đầu (`thuc_hien`, `mo_dau`) hoặc trong `noi_dung`
refused-extends-sha = `extends_sha256` ghi lại văn bản cấp trên (`extends`); văn bản này không có `extends`: bỏ `extends_sha256`
refused-mo-dau = `mo_dau` nối tiếp câu trích dẫn `thuc_hien` (“Thực hiện …, …”); văn bản không có `thuc_hien` nên câu này không được in: thêm `thuc_hien`, hoặc đưa câu vào đầu `noi_dung`
warn-no-luu = Nơi nhận chưa có mục `Lưu: VT, …` (NĐ30, ô 9b, kết thúc bằng mục này)
warn-collective = `{ $body }` là tập thể lãnh đạo: người ký thường ghi `quyen_han: TM. { $body }`
warn-kem-theo = `kem_theo: true` chỉ có nghĩa trong một mẫu (`phu_luc: - mau:`); ghi đường dẫn tệp YAML của quyết định hoặc chữ của dòng kèm theo
warn-ky-hieu-kind = ký hiệu `{ $ky_hieu }` bắt đầu bằng `{ $first }`, chữ viết tắt của loại văn bản khác `{ $kind }`
warn-trich-yeu-long = trích yếu có { $n } ký tự; quá { $limit } ký tự sẽ khó vừa chỗ của nó

# Worded in src/diag/message.rs (limit_wording); this text is a fallback.
limit = vượt giới hạn { $what }: { $found } (tối đa { $limit })

# Worded where they arise (src/load/merge.rs, src/model/refused.rs).
unknown-id = { $text }
key-not-printed = { $text }

# Digital signatures (ký số)
cli-build-arg-ky_so = PDF sẵn sàng ký số: chừa ô chữ ký số của người ký (ô 7c) và của cơ quan (ô 8) đúng chỗ đặt ảnh; ký bằng `vanban ky`
cli-watch-arg-ky_so = PDF sẵn sàng ký số: chừa ô chữ ký số của người ký (ô 7c) và của cơ quan (ô 8) đúng chỗ đặt ảnh; ký bằng `vanban ky`
cli-ky-about = Ký số tệp PDF (PAdES) bằng tệp PKCS#12 hoặc USB token (--token); mật khẩu, mã PIN nhập khi được hỏi hoặc qua VANBAN_MAT_KHAU, VANBAN_MA_PIN, không bao giờ ghi trên dòng lệnh
cli-ky-arg-pdf = Tệp PDF cần ký
cli-ky-arg-p12 = Tệp PKCS#12 (.p12, .pfx) chứa khóa và chứng thư số
cli-ky-arg-truong = Chữ ký nào: của người ký (nguoi-ky) hay của cơ quan (co-quan); mặc định: ô đầu tiên chưa ký
cli-ky-arg-anh = Ảnh PNG hiện trong ô ký: ảnh chữ ký (màu xanh) hoặc con dấu (màu đỏ, đúng kích thước)
cli-ky-arg-out = Nơi ghi (mặc định: ghi đè tệp vào; ký số chỉ ghi thêm vào cuối tệp)
cli-xac-minh-about = Xác minh chữ ký số của tệp PDF: toàn vẹn, chuỗi chứng thư, người ký, cơ quan và thời gian ký
cli-xac-minh-arg-pdf = Tệp PDF đã ký
cli-xac-minh-arg-tin_cay = Chứng thư CA tin cậy (PEM; có thể nhắc lại), ví dụ CA gốc của Ban Cơ yếu Chính phủ hoặc của CA công cộng

# Ký số bằng token, kiểm tra chứng thư số, bản sao điện tử (issue 20)
cli-ky-arg-token = Ký bằng USB token (PKCS#11) thay cho tệp PKCS#12; mã PIN nhập khi được hỏi hoặc qua VANBAN_MA_PIN, không bao giờ ghi trên dòng lệnh
cli-ky-arg-thu_vien = Thư viện PKCS#11 của token (tệp .so/.dll do nhà cung cấp chứng thư số cài kèm); mặc định: biến môi trường VANBAN_PKCS11_MODULE
cli-ky-arg-nhan = Nhãn của khóa trên token, khi token có nhiều khóa
token-error = token báo lỗi: { $detail }
token-no-module = chưa chỉ thư viện PKCS#11 của token: thêm --thu-vien ĐƯỜNG_DẪN (tệp .so/.dll trình điều khiển token) hoặc đặt biến môi trường { $env }
token-load = không nạp được thư viện PKCS#11 `{ $path }`: { $detail }; kiểm tra đường dẫn và trình điều khiển token đã cài
token-none = không thấy token nào: cắm USB token vào máy (và kiểm tra trình điều khiển) rồi ký lại
token-several = đang cắm nhiều token ({ $tokens }): chỉ để lại token dùng để ký rồi ký lại
token-pin-needed = cần mã PIN của token: đặt biến môi trường { $env } hoặc chạy trong cửa sổ dòng lệnh để nhập
token-pin-prompt = Mã PIN của token
token-pin-wrong = sai mã PIN của token; lưu ý token sẽ bị khóa sau vài lần nhập sai
token-pin-locked = token đã bị khóa vì nhập sai mã PIN nhiều lần: liên hệ nhà cung cấp chứng thư số để mở khóa
token-no-key = token không có khóa bí mật nào để ký
token-no-such-key = token không có khóa có nhãn `{ $label }`; các khóa trên token: { $labels }
token-several-keys = token có nhiều khóa: chọn một bằng --nhan NHÃN; các khóa trên token: { $labels }
token-no-cert = token không có chứng thư số của khóa `{ $label }`
cert-expired = { $source }: chứng thư số của { $name } đã hết hạn lúc { $date }; hãy gia hạn chứng thư số rồi ký lại
cert-not-yet = { $source }: chứng thư số của { $name } chưa có hiệu lực (từ { $date }); kiểm tra đồng hồ máy tính hoặc chờ đến ngày đó
cert-usage = { $source }: chứng thư số của { $name } không được dùng để ký văn bản (mục đích sử dụng khóa: { $usage }; cần digitalSignature hoặc nonRepudiation); hãy dùng chứng thư số ký văn bản
cli-ky-arg-kem_theo = Ký tệp đính kèm văn bản (phụ lục ban hành thành tệp riêng) với tư cách cơ quan: khối chữ ở góc trên bên phải trang 1 ghi số, ký hiệu văn bản (giá trị này) và thời gian ký
attached-has-fields = tệp đã có ô chữ ký số: --kem-theo dành cho tệp đính kèm chưa có ô chữ ký (ví dụ phụ lục xuất từ Word, Excel); văn bản tạo bằng --ky-so thì ký bằng --truong
attached-no-number = --kem-theo cần số và ký hiệu của văn bản mà tệp này kèm theo, ví dụ --kem-theo "15/QĐ-UBND"
cli-sao-about = Bản sao điện tử (sao y, sao lục, trích sao) của tệp PDF đã ký: thêm trang thể thức bản sao và chữ ký số của cơ quan sao ở góc trên bên phải trang 1
cli-sao-arg-pdf = Tệp PDF đã ký cần sao
cli-sao-arg-hinh_thuc = Hình thức sao: sao-y, sao-luc hoặc trich-sao
cli-sao-arg-co_quan = Tên cơ quan, tổ chức sao văn bản
cli-sao-arg-co_quan_chu_quan = Tên cơ quan, tổ chức chủ quản (nếu có)
cli-sao-arg-so = Số của bản sao trong sổ bản sao của năm (mặc định: số tiếp theo trong sổ đăng ký)
cli-sao-arg-ky_hieu = Phần chữ viết tắt tên cơ quan sao trong ký hiệu (VP trong 05/SY-VP)
cli-sao-arg-dia_danh = Địa danh
cli-sao-arg-ngay = Ngày sao (mặc định: hôm nay)
cli-sao-arg-quyen_han = Quyền hạn của người ký (TL. CHÁNH VĂN PHÒNG…)
cli-sao-arg-chuc_vu = Chức vụ của người ký
cli-sao-arg-ho_ten = Họ và tên người ký
cli-sao-arg-noi_nhan = Một nơi nhận (dùng nhiều lần); "Lưu: VT." tự thêm ở cuối
cli-sao-arg-p12 = Tệp PKCS#12 của cơ quan sao
cli-sao-arg-token = Ký bằng USB token (PKCS#11); mã PIN nhập khi được hỏi hoặc qua VANBAN_MA_PIN
cli-sao-arg-thu_vien = { cli-ky-arg-thu_vien }
cli-sao-arg-nhan = { cli-ky-arg-nhan }
cli-sao-arg-out = Nơi ghi (mặc định: TÊN-sao-y.pdf cạnh tệp gốc)
pdf-unreadable = không đọc được tệp PDF ({ $detail }); kiểm tra tệp có đúng là PDF và không hỏng
copy-encrypted = tệp PDF được mã hóa (đặt mật khẩu), không sao được: dùng bản không mã hóa

# Sổ địa chỉ và trộn thư (issue 19: src/load/address_book.rs, src/register/merge.rs)
address-unknown = sổ địa chỉ {$file} không có mục hay nhóm `{$key}`
address-no-book = `@{$key}` chỉ một mục của sổ địa chỉ, nhưng dự án chưa có sổ địa chỉ {$file}
address-how-to = tạo tệp so-dia-chi.yaml trong thư mục dự án, mỗi nơi nhận một khóa, ví dụ `so-gddt: {"{"}ten: Sở Giáo dục và Đào tạo tỉnh Bắc Giang, ma_dinh_danh: 000.00.12.H06{"}"}`; hoặc viết tên đầy đủ thay cho `@…`
address-bad-key = khóa `{$key}` của sổ địa chỉ chỉ được dùng chữ thường không dấu, chữ số, `-` và `_` (ví dụ `so-gddt`)
address-no-name = mục `{$key}` của sổ địa chỉ thiếu tên đầy đủ: viết `ten: …`
address-bad-code = mã định danh `{$value}` của `{$key}` không đúng dạng: cần 13 ký tự dạng 000.00.00.H00 (ba nhóm chữ số và một chữ cái in hoa với hai chữ số, cách nhau bởi dấu chấm), đang có {$length} ký tự
address-group-clash = nhóm `{$key}` trùng tên một mục của sổ địa chỉ: `@{$key}` sẽ không rõ chỉ mục hay nhóm; đổi tên nhóm
quote-at = `@` không thể đứng đầu một chữ YAML không có dấu ngoặc; đặt trong dấu ngoặc kép: {$fixed}
cli-tron-thu-arg-gop = Ghi thêm một tệp PDF gộp tất cả các văn bản theo thứ tự để in một lần (mặc định: TÊN-gop.pdf trong thư mục các văn bản)
merge-no-book = không trộn được theo nhóm `@{$group}`: dự án chưa có sổ địa chỉ {$file}
merge-no-group = sổ địa chỉ {$file} không có nhóm `{$group}` (nhóm là tên ghi ở `nhom:` của các mục)
merge-combined = đã gộp {$count} văn bản vào {$file}

## Số của bản sao điện tử trong sổ đăng ký (src/commands/sao.rs, src/register/)

cli-so-dang-ky-arg-ban_sao = Sổ bản sao (sao y, sao lục, trích sao) của cơ quan thay cho sổ thường
reg-copy-number-taken = `--so`: số { $number } trong dãy số bản sao của { $issuer } năm { $year } đã cấp (tệp { $source }); bỏ `--so` để lấy số tiếp theo của sổ, hoặc chọn số khác
reg-copy-issued = { $path }: bản sao số { $number } ngày { $date }, đã ghi vào sổ đăng ký { $register }
reg-copy-title = { $form ->
        [sao_luc] Bản sao lục
        [trich_sao] Bản trích sao
       *[sao_y] Bản sao y
    } của { $original }

## Chữ của trang soạn thảo (vanban serve): nút, nhãn, hộp thoại, dòng trạng thái.
## Mỗi thông báo một dòng; `{ $name }` do trang điền.
web-title = vanban – soạn văn bản
web-no-doc = Chưa mở văn bản
web-actions = Thao tác
web-btn-new = Văn bản mới
web-btn-new-title = Tạo văn bản mới từ mẫu của một loại văn bản
web-btn-next-year = Dự thảo năm sau
web-btn-next-year-title = Tạo dự thảo năm sau từ văn bản này (dời ngày, bỏ số)
web-btn-derive = Văn bản cấp dưới
web-btn-derive-title = Tạo văn bản cấp dưới kế thừa văn bản này
web-btn-save = Lưu
web-btn-save-title = Lưu (Ctrl+S)
web-btn-pdf = Tải PDF
web-btn-pdf-title = Tải tệp PDF của văn bản đang soạn
web-btn-docx = Tải Word
web-btn-docx-title = Tải tệp Word (.docx) của văn bản đang soạn, trình bày như bản PDF
web-btn-cap-so = Cấp số
web-btn-cap-so-title = Cấp số tiếp theo trong sổ đăng ký văn bản đi, ghi số và ngày vào văn bản, xuất PDF
web-conflict = Tệp đã bị thay đổi trên đĩa kể từ khi mở. Bản đang soạn chưa được lưu.
web-btn-reload = Tải lại từ đĩa
web-btn-overwrite = Vẫn ghi đè
web-docs = Sổ văn bản
web-search = Tìm: số, năm, loại, nơi, nội dung…
web-search-title = Gõ có dấu hay không dấu đều được, ví dụ: thu thua cong van 2023
web-search-label = Tìm văn bản
web-edit = Soạn thảo
web-tab-form = Biểu mẫu
web-diagnostics = Lỗi và cảnh báo
web-preview = Xem trước
web-zoom = Cỡ xem trước
web-zoom-fit = Vừa khung
web-zoom-fit-title = Trang rộng vừa khung xem trước
web-zoom-100-title = Cỡ thật của trang A4
web-zoom-150-title = Phóng to để đọc chữ nhỏ
web-preview-note = Văn bản đang có lỗi: bản xem trước dưới đây là bản đúng gần nhất.
web-cancel = Hủy
web-ok = Đồng ý
web-key-co_quan_chu_quan = Cơ quan chủ quản
web-hint-co_quan_chu_quan = Chữ in hoa, ví dụ UBND HUYỆN THỦ THỪA
web-key-co_quan = Cơ quan ban hành
web-hint-co_quan = Chữ in hoa, ví dụ PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
web-key-ten_co_quan = Tên đầy đủ của cơ quan ban hành
web-hint-ten_co_quan = Chữ thường, in khi văn bản khác trích dẫn văn bản này, ví dụ Phòng Giáo dục và Đào tạo huyện Thủ Thừa
web-key-so = Số
web-hint-so = Để trống khi chưa vào sổ (dự thảo)
web-key-ky_hieu = Ký hiệu
web-hint-ky_hieu = Phần sau dấu gạch chéo, ví dụ PGDĐT
web-key-dia_danh = Địa danh
web-hint-dia_danh = Ví dụ Thủ Thừa
web-key-ngay = Ngày ban hành
web-hint-ngay = 2023-10-02 hoặc 02/10/2023; dự thảo có thể để trống ngày: 2023-10
web-key-trich_yeu = Trích yếu
web-hint-trich_yeu = Nội dung tóm tắt của văn bản
web-key-kinh_gui = Kính gửi
web-hint-kinh_gui = Mỗi dòng một nơi nhận
web-key-nguoi_ky = Người ký
web-key-quyen_han = Quyền hạn ký
web-hint-quyen_han = TM., KT., TL., TUQ.… ví dụ KT. TRƯỞNG PHÒNG; hai dòng khi ký thay hai cấp
web-key-chuc_vu = Chức vụ
web-hint-chuc_vu = Ví dụ PHÓ TRƯỞNG PHÒNG
web-key-chuc_danh = Chức danh in trên họ tên
web-hint-chuc_danh = Thường để trống; ví dụ TRƯỞNG PHÒNG GD&ĐT
web-key-chu_ky = Ảnh chữ ký
web-hint-chu_ky = Tệp PNG, JPG hoặc SVG trong thư mục văn bản, ví dụ anh/chu-ky.png
web-key-dau = Ảnh con dấu
web-hint-dau = Tệp PNG, JPG hoặc SVG; in rộng 35 mm
web-key-ghi_chu = Ghi chú ở chỗ ký
web-hint-ghi_chu = Ví dụ (ký tên và đóng dấu)
web-key-ho_ten = Họ và tên
web-key-noi_nhan = Nơi nhận
web-hint-noi_nhan = Mỗi dòng một nơi; dòng cuối thường là Lưu: VT
web-key-noi_dung = Nội dung
web-key-mo_dau = Câu mở đầu
web-key-thuc_hien = Văn bản được thực hiện
web-key-ten_loai = Tên loại văn bản
web-key-can_cu = Căn cứ
web-key-phu_luc = Phụ lục
web-key-trinh_bay = Trình bày
web-key-bien = Biến
web-key-loai = Loại văn bản
web-list-bad = (có lỗi)
web-list-none = Không tìm thấy văn bản nào. Thử bớt từ, hoặc tìm theo số, năm, loại, nơi ban hành.
web-discard = Văn bản đang soạn chưa được lưu. Bỏ các thay đổi?
web-opened = Đã mở
web-cannot-open = Không mở được: { $reason }
web-not-saved = Chưa lưu
web-saved-at = Đã lưu lúc { $time }
web-not-saved-changed = Chưa lưu: tệp đã bị thay đổi trên đĩa
web-cannot-save = Không lưu được
web-cannot-save-title = Không lưu được văn bản
web-cannot-save-file = Không lưu được tệp “{ $path }”.
web-at = Dòng { $line }, cột { $column }:
web-errors-title = Văn bản đang có { $n } lỗi
web-errors-save = Văn bản có lỗi vẫn lưu được, nhưng chưa tạo được PDF cho đến khi sửa xong:
web-errors-save-ask = Vẫn lưu văn bản này?
web-save-anyway = Vẫn lưu
web-cannot-make-file = Không tạo được tệp { $what }.
web-fix-before = Văn bản đang có lỗi, hãy sửa trước khi tạo { $what }:
web-close = Đóng
web-making = Đang tạo { $what }…
web-made = Đã tạo { $what }
web-cannot-make = Không tạo được { $what }
web-cap-so-ask = Cấp số cho văn bản này? Số đã cấp được ghi vào sổ đăng ký và không cấp lại được.
web-cap-so-running = Đang cấp số…
web-cap-so-failed = Không cấp số được: { $reason }
web-reloaded = Đã tải lại: tệp vừa được thay đổi trên đĩa
web-preview-time = Xem trước: { $ms } ms (vẽ lại { $sent }/{ $pages } trang)
web-has-errors = Văn bản có { $n } lỗi
web-preview-stale = Văn bản đang có lỗi (xem danh sách ngay dưới khung soạn thảo, ở cột giữa): bản xem trước dưới đây là bản đúng gần nhất.
web-preview-none = Văn bản đang có lỗi: sửa các lỗi ghi ngay dưới khung soạn thảo (cột giữa) để xem trước.
web-cannot-preview = Không xem trước được: { $reason }
web-error = Lỗi:
web-warning = Cảnh báo:
web-form-blocked = Nội dung YAML đang có lỗi cú pháp: hãy sửa ở thẻ YAML trước khi dùng biểu mẫu.
web-points = Nội dung giấy mời
web-point-time = Thời gian
web-point-time-hint = Ví dụ: 07 giờ 30 phút, thứ Sáu, ngày 31/5/2024 (buổi sáng)
web-point-place = Địa điểm
web-point-place-hint = Ví dụ: Hội trường Ủy ban nhân dân huyện
web-point-people = Thành phần
web-point-people-hint = Mỗi dòng một thành phần tham dự
web-own-value = Sửa riêng cho văn bản này
web-inherited = Kế thừa từ { $from } (chữ mờ).
web-cannot-update = Không cập nhật được: { $reason }
web-why-400 = Tên tệp hoặc giá trị nhập chưa đúng.
web-why-403 = Tệp phải nằm trong thư mục đang mở: không bắt đầu tên bằng “/” và không dùng “..”.
web-why-404 = Không tìm thấy văn bản gốc: có thể tệp đã bị đổi tên hoặc xóa.
web-why-409 = Đã có tệp hoặc thư mục trùng tên. Hãy đặt tên khác.
web-why-422 = Văn bản gốc đang có lỗi: hãy mở và sửa văn bản đó trước.
web-why-other = Lỗi không mong đợi.
web-detail = Chi tiết: { $detail }
web-cannot-create = Không tạo được tệp “{ $path }”.
web-file-name = Tên tệp (trong thư mục đang mở; thư mục chưa có sẽ được tạo)
web-year = Năm
web-new-file-name = Tên tệp mới (thư mục chưa có sẽ được tạo)
web-next-year-report = Dự thảo năm sau: đã đổi và cần xem lại
web-derive-title = Văn bản cấp dưới (kế thừa văn bản này)
web-word-file = tệp Word
web-cannot-start = Lỗi khởi động: { $reason }
web-block-doan = Đoạn văn
web-block-doan-hint = Căn đều, thụt đầu dòng. **đậm**, *nghiêng*, ^[chú thích cuối trang]
web-block-muc = Đề mục (Mục)
web-block-muc-hint = In đậm, ví dụ I. MỤC ĐÍCH, YÊU CẦU
web-block-khoan = Khoản
web-block-khoan-hint = In đậm, ví dụ 1. Thời gian
web-block-diem = Điểm
web-block-diem-hint = Ví dụ a) Đối tượng
web-block-dieu = Điều
web-block-dieu-hint = Ví dụ Điều 1. Phạm vi điều chỉnh
web-block-gach = Danh sách gạch đầu dòng (-)
web-block-gach-hint = Mỗi dòng một mục
web-block-cong = Danh sách dấu cộng (+)
web-block-cong-hint = Mỗi dòng một mục
web-block-giua = Dòng căn giữa
web-block-tieu_de = Tiêu đề căn giữa, in đậm
web-block-ghi = Đoạn không thụt đầu dòng
web-block-bang = Bảng
web-block-bang-hint = Mỗi dòng một hàng, các ô cách nhau bằng dấu |; dòng đầu là hàng tiêu đề
web-block-ngat_trang = Ngắt trang
web-block-ngat_trang-hint = Phần sau in sang trang mới
web-body = Nội dung văn bản
web-body-hint = Mỗi khối là một đoạn, đề mục, danh sách hoặc bảng; dùng ↑ ↓ để đổi chỗ. Sửa ở đây thì thẻ YAML đổi theo.
web-body-not-editable = Nội dung được viết theo cách biểu mẫu không sửa được: hãy sửa ở thẻ YAML.
web-body-add-kind = Loại khối thêm vào cuối
web-body-add-title = Thêm khối vào cuối nội dung
web-body-add = Thêm khối
web-body-failed = Không sửa được nội dung: { $reason }
web-block-id = mã { $id }
web-block-after = chèn sau { $id }
web-block-before = chèn trước { $id }
web-block-inserted = Khối mới, chèn vào nội dung của văn bản cha
web-block-replaces = Thay khối cùng mã của văn bản cha
web-block-other = Khối khác: sửa ở thẻ YAML
web-block-kind = Loại khối
web-block-up = Đưa khối lên trên
web-block-down = Đưa khối xuống dưới
web-block-add = Thêm một đoạn văn sau khối này
web-block-remove = Xóa khối này
web-block-n = Khối { $n }: { $kind }
web-draft-restore = Khôi phục bản nháp
web-draft-discard = Bỏ bản nháp
web-backups-title = Mở một bản đã lưu trước đó (mỗi lần lưu giữ lại bản cũ)
web-backups = Bản trước
web-backups-head = Các bản đã lưu trước
web-backups-hint = Chọn một bản để mở lại trong khung soạn thảo; bấm Lưu để giữ bản đó.
web-draft-failed = Không giữ được bản nháp: { $reason }
web-draft-found = Có bản nháp chưa lưu của văn bản này (lúc { $time }), có thể do trình duyệt bị đóng khi chưa lưu.
web-draft-restored = Đã khôi phục bản nháp (chưa lưu)
web-backups-none = Chưa có bản nào: bản cũ được giữ lại mỗi khi lưu.
web-backup = Bản lưu lúc { $time } · { $bytes } byte
web-backup-latest = Bản lưu lúc { $time } · { $bytes } byte · bản gần nhất
web-backup-opened = Đã mở bản lưu lúc { $time } (chưa lưu)
web-backup-failed = Không mở được bản trước: { $reason }
web-diff-title = Những chỗ văn bản này khác văn bản cha mà nó kế thừa (extends)
web-diff-tab = Khác văn bản cha
web-diff-failed = Chưa so được với văn bản cha: { $reason }
web-diff-no-parent = Văn bản này không kế thừa văn bản nào.
web-diff-changes = Kế thừa { $parent }. { $n } chỗ khác văn bản cha (phần còn lại lấy từ văn bản cha):
web-diff-same = Kế thừa { $parent }, không có chỗ nào khác.
web-diff-where = Chỗ khác
web-diff-parent = Văn bản cha
web-diff-this = Văn bản này
web-diff-absent = (không có)
web-yaml-label = Nội dung YAML của văn bản

# Schema descriptions (src/model doc comments)
schema-VanBan = Một văn bản hành chính.
schema-Bang = Bảng: hàng tiêu đề in đậm, lặp lại ở đầu mỗi trang. Ô là chữ hoặc số (`12`, `8.5` in đúng như YAML đọc). Mỗi hàng phải có số ô bằng số ô tiêu đề (`dau`), hoặc bằng số độ rộng trong `cot`: hàng nào khác là lỗi ở hàng đó.
schema-Bang-can = Căn lề từng cột: `trai` (trái), `giua` (giữa), `phai` (phải).
schema-Bang-co_chu = Cỡ chữ trong bảng, tính bằng pt (mặc định 13).
schema-Bang-cot = Độ rộng tương đối của các cột, ví dụ `[1, 2, 5, 3, 1]`; bỏ trống thì các cột rộng bằng nhau.
schema-Bang-dau = Các ô tiêu đề cột, in đậm.
schema-Bang-dong = Các hàng (dòng) của bảng, mỗi hàng là danh sách các ô; `\n` để xuống dòng trong một ô.
schema-CanLe = Căn lề ngang của một cột trong bảng.
schema-CanLe-trai = Căn trái.
schema-CanLe-giua = Căn giữa.
schema-CanLe-phai = Căn phải.
schema-DoKhan = Mức độ khẩn.
schema-DoKhan-khan = KHẨN
schema-DoKhan-thuong_khan = THƯỢNG KHẨN
schema-DoKhan-hoa_toc = HỎA TỐC
schema-DoMat = Mức độ mật.
schema-DoMat-mat = MẬT
schema-DoMat-toi_mat = TỐI MẬT
schema-DoMat-tuyet_mat = TUYỆT MẬT
schema-KemTheo = Chú thích kèm theo của phụ lục: tự tạo (`true`) hoặc một dòng chữ in đúng như viết.
schema-KemTheo-0 = `true`: tự viết chú thích từ văn bản này; `false`: không in chú thích.
schema-KemTheo-1 = Dòng chú thích, in đúng như viết.
schema-Khoi = Một khối nội dung. Trong YAML, một dòng chữ là một đoạn văn; các khối khác là một khóa cho biết loại khối, ví dụ `muc:`, `khoan:`, `gach:`.
schema-Khoi-doan = Đoạn văn: căn đều hai lề, dòng đầu thụt vào. Chữ đậm `**đậm**`, nghiêng `*nghiêng*`, vừa đậm vừa nghiêng `***cả hai***`.
schema-Khoi-muc = Đề mục (mục), ghi cả số thứ tự, in đậm: `I. MỤC ĐÍCH, YÊU CẦU`.
schema-Khoi-khoan = Khoản có tiêu đề, in đậm: `1. Mục đích`.
schema-Khoi-diem = Điểm có tiêu đề, chữ thường: `a) Thời gian tổ chức`.
schema-Khoi-dieu = Điều của quyết định: `Điều 1. …`; phần `Điều N.` in đậm.
schema-Khoi-gach = Danh sách, mỗi mục bắt đầu bằng `- `.
schema-Khoi-cong = Danh sách, mỗi mục bắt đầu bằng `+ `.
schema-Khoi-giua = Một dòng căn giữa, ví dụ chủ đề của năm.
schema-Khoi-tieu_de = Tiêu đề căn giữa, in đậm, ví dụ trong phụ lục.
schema-Khoi-ghi = Đoạn văn không thụt đầu dòng (một ghi chú, một dòng ký tên).
schema-Khoi-bang = Một bảng.
schema-Khoi-ngat_trang = `true`: sang trang mới.
schema-Le = Lề trang, tính bằng mm: trên và dưới 20–25, trái 30–35, phải 15–20.
schema-Le-duoi = Lề dưới, 20–25 mm (mặc định 20).
schema-Le-phai = Lề phải, 15–20 mm (mặc định 15).
schema-Le-trai = Lề trái, 30–35 mm (mặc định 30).
schema-Le-tren = Lề trên, 20–25 mm (mặc định 20).
schema-Loai = Tên loại văn bản (Phụ lục III NĐ30).
schema-Loai-cong_van = Công văn: không có tên loại, trích yếu `V/v …` in dưới số.
schema-Loai-ke_hoach = Kế hoạch (KH).
schema-Loai-huong_dan = Hướng dẫn (HD).
schema-Loai-bao_cao = Báo cáo (BC).
schema-Loai-quyet_dinh = Quyết định (QĐ), có phần `Căn cứ` và các `Điều`.
schema-Loai-thong_bao = Thông báo (TB).
schema-Loai-to_trinh = Tờ trình (TTr).
schema-Loai-giay_moi = Giấy mời (GM).
schema-Loai-chuong_trinh = Chương trình (CTr).
schema-Loai-quy_dinh = Quy định (QyĐ).
schema-Loai-nghi_quyet = Nghị quyết cá biệt (NQ): phần `Căn cứ`, rồi `QUYẾT NGHỊ:` trước các điều.
schema-Loai-chi_thi = Chỉ thị (CT).
schema-Loai-quy_che = Quy chế (QC), thường ban hành kèm theo một quyết định.
schema-Loai-thong_cao = Thông cáo (TC).
schema-Loai-phuong_an = Phương án (PA).
schema-Loai-de_an = Đề án (ĐA).
schema-Loai-du_an = Dự án (DA).
schema-Loai-giay_uy_quyen = Giấy ủy quyền (GUQ).
schema-Loai-giay_gioi_thieu = Giấy giới thiệu (GGT).
schema-Loai-giay_nghi_phep = Giấy nghỉ phép (GNP).
schema-Loai-bien_ban = Biên bản (BB): hai người ký, thư ký (`thu_ky`) bên trái, chủ tọa bên phải (Mẫu 1.9).
schema-Loai-cong_dien = Công điện (CĐ): dòng `… điện:` (lấy từ `tham_quyen`) dưới trích yếu, rồi các nơi nhận thành các dòng `- …;`, không có `Kính gửi:` (Mẫu 1.6).
schema-Loai-phieu_gui = Phiếu gửi (PG): phiếu gửi văn bản, tài liệu đến cơ quan khác.
schema-Loai-phieu_chuyen = Phiếu chuyển (PC): phiếu chuyển một việc đến người, đơn vị giải quyết.
schema-Loai-phieu_bao = Phiếu báo (PB): phiếu báo cho ai đó biết một việc (một kết quả, một khoản nợ).
schema-Loai-hop_dong = Hợp đồng (HĐ): hai bên ký ngang hàng, bên kia (`ben_kia`) bên trái, bên ban hành (`nguoi_ky`) bên phải.
schema-Loai-ban_ghi_nho = Bản ghi nhớ (BGN): ghi nhớ giữa hai cơ quan, hai bên ký ngang hàng như hợp đồng.
schema-Loai-ban_thoa_thuan = Bản thỏa thuận (BTT): thỏa thuận giữa hai cơ quan, hai bên ký ngang hàng như hợp đồng.
schema-Loai-thu_cong = Thư công (thư chúc mừng, thư khen, thư cảm ơn, thư thăm hỏi): không có chữ viết tắt trong Phụ lục III, không in dòng số khi không có `so`.
schema-Loai-phu_luc = Phụ lục phát hành thành tệp riêng (Phụ lục III, Mẫu 2.1 và 2.2): không có phần đầu, không có chữ ký; dòng nhãn (`Phụ lục I`, ở `ten_loai`), tên phụ lục (`trich_yeu`), chú thích `(Kèm theo Văn bản số … ngày … của …)` dẫn văn bản mà phụ lục đi kèm (`kem_theo`), rồi nội dung. Xuất bằng `--ky-so` thì chữ ký số của cơ quan nằm ở góc trên bên phải trang 1.
schema-NguoiKy = Người ký (ô số 7).
schema-NguoiKy-chu_ky = Ảnh chữ ký: tệp PNG, JPG hoặc SVG, đường dẫn so với tệp văn bản, nằm trong thư mục dự án. In ở giữa khoảng trống giữa chức vụ và họ tên. Ví dụ `anh/chu-ky.png`.
schema-NguoiKy-chuc_danh = Chức danh in trên họ tên, ví dụ `TRƯỞNG PHÒNG GD&ĐT`.
schema-NguoiKy-chuc_vu = Chức vụ của người ký, chữ in hoa, ví dụ `PHÓ GIÁM ĐỐC`.
schema-NguoiKy-dau = Ảnh con dấu: tệp PNG, JPG hoặc SVG, in rộng 35 mm (đổi bằng `dau_rong`), đè lên phần bên trái chữ ký. Ví dụ `anh/dau.png`.
schema-NguoiKy-dau_rong = Đường kính thật của con dấu, tính bằng mm (mặc định 35).
schema-NguoiKy-ghi_chu = Ghi chú in nghiêng trong chỗ ký, ví dụ `(ký tên và đóng dấu)`.
schema-NguoiKy-ho_ten = Họ và tên, in đậm, không ghi học hàm, học vị.
schema-NguoiKy-khung_ky_so = Chừa chỗ cho khung chữ ký số (tên cơ quan và thời gian ký mà phần mềm ký số vẽ lên bản scan): một ô 50 × 10 mm dưới chữ ký, từ mép phải con dấu; họ tên lùi xuống để khung không đè lên.
schema-NguoiKy-quyen_han = Quyền hạn ký: `KT. GIÁM ĐỐC`, hoặc danh sách khi có ba dòng (`[TM. BAN CHỈ ĐẠO, KT. TRƯỞNG BAN]`).
schema-NguoiKy-thay_mat = Tên tập thể mà người ký thay mặt (Phụ lục I, ô 7a): in thành dòng đầu `TM. ỦY BAN NHÂN DÂN` (văn bản của Đảng: `T/M CHI BỘ`), trước các dòng `quyen_han`.
schema-NoiNhan = Một mục của Nơi nhận: một nơi nhận, hoặc một nhóm nơi nhận có nhãn (`Bản điện tử:` rồi các dòng `- …;` của nhóm).
schema-NoiNhan-0 = Một nơi nhận, ví dụ `UBND huyện (b/c)` hoặc `Lưu: VT, GDTX`.
schema-NoiNhan-1 = Một nhóm: một khóa là nhãn của nhóm (`Bản điện tử`), chứa các nơi nhận.
schema-ONhap = Nội dung một ô của bảng: chữ hoặc số.
schema-ONhap-0 = Chữ.
schema-ONhap-1 = Số, in đúng như YAML đọc.
schema-PhuLuc = Phụ lục hoặc mẫu kèm theo.
schema-PhuLuc-kem_theo = Chú thích dưới tên phụ lục: `true` tự viết `(Kèm theo Công văn số … ngày … của …)` từ văn bản này; một dòng chữ thì in đúng như viết.
schema-PhuLuc-mau = Một mẫu đầy đủ: phần đầu, số, ngày, nội dung và người ký riêng.
schema-PhuLuc-nhan = Dòng nhãn đầu tiên, ví dụ `Phụ lục I` hoặc `MẪU BC`.
schema-PhuLuc-noi_dung = Các khối nội dung của phụ lục.
schema-PhuLuc-tieu_de = Tên phụ lục, in hoa, đậm, căn giữa.
schema-TrinhBay = Những lựa chọn trình bày NĐ30 để cơ quan ban hành tự chọn (Phụ lục I, Mục I–II).
schema-TrinhBay-co_chu = Cỡ chữ nội dung, tính bằng pt, từ 13 đến 14 (mặc định 14).
schema-TrinhBay-co_chu_co_quan = Cỡ chữ tên cơ quan chủ quản và cơ quan ban hành, tính bằng pt, từ 12 đến 13.
schema-TrinhBay-co_chu_ngay = Cỡ chữ dòng địa danh, ngày tháng, tính bằng pt, từ 13 đến 14.
schema-TrinhBay-co_chu_quoc_hieu = Cỡ chữ Quốc hiệu, tính bằng pt, từ 12 đến 13 (mặc định 12). Mỗi cỡ chữ phần đầu có khóa riêng; khóa nào bỏ trống thì theo cặp của Nghị định: Quốc hiệu 12 thì Tiêu ngữ và dòng ngày tháng 13; Quốc hiệu 13 thì Tiêu ngữ và dòng ngày tháng 14, tên cơ quan 12.
schema-TrinhBay-co_chu_tieu_ngu = Cỡ chữ Tiêu ngữ, tính bằng pt, từ 13 đến 14.
schema-TrinhBay-co_chu_vv = Cỡ chữ trích yếu `V/v` của công văn, tính bằng pt, từ 12 đến 13 (mặc định 13).
schema-TrinhBay-le = Lề trang, tính bằng mm; lề nào bỏ trống thì giữ mặc định.
schema-VanBan-ben_kia = Người ký của bên kia trong hợp đồng, bản ghi nhớ, bản thỏa thuận (`ĐẠI DIỆN BÊN A`): ký bên trái, ngang hàng với `nguoi_ky` (bên ban hành) bên phải; Nơi nhận in dưới cả hai.
schema-VanBan-bien = Biến tự đặt, dùng được trong mọi chữ dưới dạng `{"{{"} bien.ten {"}}"}` hoặc `{"{{"} ten {"}}"}`.
schema-VanBan-can_cu = Các căn cứ ban hành của quyết định, in nghiêng, mỗi căn cứ một dòng; vanban tự thêm `;` và dấu `.` cuối.
schema-VanBan-chu_thich = Dòng chú thích in nghiêng dưới tên văn bản, ví dụ dòng `(Kèm theo Công văn số…, ngày…)` của một mẫu, in đúng như viết.
schema-VanBan-co_quan = Tên cơ quan, tổ chức ban hành văn bản, chữ in hoa, ví dụ `PHÒNG GIÁO DỤC VÀ ĐÀO TẠO`.
schema-VanBan-co_quan_chu_quan = Tên cơ quan, tổ chức chủ quản trực tiếp, chữ in hoa, ví dụ `UBND HUYỆN THỦ THỪA`. Có thể ghi `\n` để chọn chỗ xuống dòng khi tên dài.
schema-VanBan-dang = Văn bản của Đảng (Hướng dẫn 36-HD/VPTW): phần đầu ghi `ĐẢNG CỘNG SẢN VIỆT NAM` thay cho Quốc hiệu và Tiêu ngữ, dấu sao dưới tên cơ quan, số ghi `Số 12-BC/ĐU` (`ky_hieu` khi đó là phần của cơ quan, `ĐU`).
schema-VanBan-dia_danh = Địa danh ở dòng ngày tháng, ví dụ `Thủ Thừa`.
schema-VanBan-do_khan = Mức độ khẩn: `khan` (Khẩn), `thuong_khan` (Thượng khẩn) hoặc `hoa_toc` (Hỏa tốc).
schema-VanBan-do_mat = Mức độ mật: `mat` (Mật), `toi_mat` (Tối mật) hoặc `tuyet_mat` (Tuyệt mật).
schema-VanBan-dong_ngay = Cả dòng địa danh, ngày tháng, in đúng như viết, cho mẫu để trống (`....., ngày.....tháng.....năm 2022`). Thay cho `dia_danh` và `ngay`.
schema-VanBan-extends = Đường dẫn văn bản cha (so với tệp này): văn bản này kế thừa các khóa của văn bản cha và viết lại phần khác.
schema-VanBan-extends_sha256 = Mã SHA-256 nội dung văn bản cha lúc văn bản này được tạo từ nó (`vanban derive` tự ghi): `check` cảnh báo khi văn bản cha đã đổi từ đó. Không kế thừa, không in ra.
schema-VanBan-kem_theo = Văn bản ban hành kèm theo văn bản khác, như quy định kèm theo quyết định: chú thích `(Kèm theo Quyết định số … ngày … của …)` dưới tên văn bản, trên đường kẻ (NĐ30 Phụ lục III, sau Mẫu 1.3). Ghi đường dẫn tệp YAML của văn bản kia thì vanban tự viết; trong `phu_luc: - mau:`, `true` lấy từ văn bản chứa mẫu; chữ khác in đúng như viết. Văn bản như vậy không có dòng số và ngày tháng riêng.
schema-VanBan-kinh_gui = Nơi nhận ở phần Kính gửi: một dòng, hoặc danh sách. Một nơi nhận thì ghi trên dòng `Kính gửi:`; nhiều nơi thì mỗi nơi một dòng `- …;`, dòng cuối kết thúc bằng `.`.
schema-VanBan-kinh_gui_ghi_chu = Một dòng dưới phần Kính gửi, ví dụ `(qua Phòng Giáo dục Thường xuyên)`.
schema-VanBan-ky_hieu = Ký hiệu sau dấu `/`. Phần chữ viết tắt tên loại được thêm theo `loai` (`VHTT` ở hướng dẫn in thành `HD-VHTT`), trừ khi đã ghi sẵn (`HD-VHTT`). Công văn không có phần tên loại.
schema-VanBan-loai = Tên loại văn bản: `cong_van`, `ke_hoach`, `huong_dan`, …
schema-VanBan-luu_hanh = Chỉ dẫn phạm vi lưu hành, ví dụ `LƯU HÀNH NỘI BỘ`.
schema-VanBan-mo_dau = Phần còn lại của câu mở đầu sau các trích dẫn `thuc_hien`, ví dụ `, Phòng Giáo dục và Đào tạo hướng dẫn … như sau:`. Mặc định `.`.
schema-VanBan-ngay = Ngày ban hành: `2023-10-02` hoặc `02/10/2023`; bản nháp để trống ngày (`2023-10`, `10/2023`) hoặc ngày và tháng (`2023`).
schema-VanBan-nguoi_ky = Người ký.
schema-VanBan-noi_dung = Nội dung văn bản: danh sách các khối (đoạn văn, mục, khoản, điểm, bảng…).
schema-VanBan-noi_nhan = Nơi nhận, mỗi mục không có dấu câu cuối: vanban thêm `;` sau mỗi mục và `.` sau mục cuối (`Lưu: VT, …`). Một mục có thể là nhóm có nhãn, ví dụ `Bản điện tử: [A, B]`.
schema-VanBan-phu_luc = Phụ lục và mẫu kèm theo, mỗi phụ lục sang trang mới.
schema-VanBan-so = Số của văn bản. Bỏ trống: bản nháp chờ đăng ký số, in chỗ trống. Số nhỏ hơn 10 được thêm số 0 phía trước.
schema-VanBan-ten_co_quan = Tên đầy đủ của cơ quan ban hành, viết thường, dùng khi văn bản khác trích dẫn văn bản này (`của Ủy ban nhân dân huyện Thủ Thừa`).
schema-VanBan-ten_loai = Tên loại văn bản, thay cho tên mặc định theo `loai` (`KẾ HOẠCH`), ví dụ `BÁO CÁO VIỆC TỔ CHỨC…`; công văn không có tên loại.
schema-VanBan-tham_quyen = Thẩm quyền ban hành quyết định, in dưới tên loại, ví dụ `CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HIỆP HÒA`.
schema-VanBan-thu_ky = Người ký thứ hai của biên bản (NĐ30 Mẫu 1.9): thư ký (`THƯ KÝ`), ký bên trái, ngang hàng với `nguoi_ky` (chủ tọa, `CHỦ TỌA`) bên phải; Nơi nhận in dưới cả hai.
schema-VanBan-thuc_hien = Các văn bản được thực hiện: đường dẫn tệp YAML khác hoặc lời trích viết sẵn. Mở đầu nội dung bằng một câu `Thực hiện …`.
schema-VanBan-trich_yeu = Trích yếu nội dung. Công văn: in `V/v …` dưới số; loại khác: in đậm dưới tên loại.
schema-VanBan-trinh_bay = Trình bày: cỡ chữ nội dung, cặp cỡ chữ phần đầu và lề trang, trong giới hạn NĐ30 cho phép. Bỏ trống: theo mặc định.

# Messages that were English only (review of the fourth session)
diff-no-extends = { $path }: văn bản không có `extends` (không kế thừa văn bản nào), không có gì để so sánh
dpi-not-positive = --dpi phải là một số dương, không phải { $dpi }
dpi-too-many-pixels = trang { $page } ở { $dpi } dpi sẽ có { $megapixels } triệu điểm ảnh, quá { $max } triệu cho phép: hãy dùng --dpi nhỏ hơn
extract-not-pdf = { $path }: không đọc được tệp PDF này ({ $detail }); hãy kiểm tra đó là tệp PDF và không bị hỏng
extract-no-source = { $path }: tệp PDF không chứa nguồn YAML của vanban (tạo PDF bằng `vanban build --embed-source`)
extract-bad-name = { $path }: từ chối tên tệp đính kèm `{ $name }` (không phải đường dẫn tương đối đơn giản)
extract-existing = không ghi đè các tệp đã có: { $files }; hãy chọn thư mục khác bằng -o
extends-cycle = `extends` tạo thành vòng lặp: { $cycle }; hãy bỏ `extends` ở một văn bản trong vòng
extends-too-deep = { $path }: chuỗi `extends` dài quá { $max } văn bản
cite-cycle = { $path }: các văn bản trích dẫn lẫn nhau thành vòng: { $cycle }
font-path-not-folder = thư mục phông chữ `{ $path }` không phải là thư mục
font-family-unknown = không có phông chữ `{ $family }`; các phông có: { $known }
image-not-file = ảnh `{ $path }` không phải là tệp
