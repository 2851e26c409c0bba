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
label-help = gợi ý
label-note = ghi chú
at-place = { $message } tại { $place }

## Tiến trình và tổng kết

documents-failed = { $failed }/{ $total } văn bản có lỗi
checked-ok = { $path }: đạt
