"""Validates every signature of a PDF with pyHanko against one trusted CA.

Usage: pyhanko_validate.py CA.pem FILE.pdf
Prints one line per signature:
  FIELD: intact=… valid=… trusted=… coverage=… modification=…
and exits 0 only if every signature is intact, valid and trusted.
(No revocation checking: the test CA publishes no CRL or OCSP.)
"""
import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

ca, path = sys.argv[1], sys.argv[2]
vc = ValidationContext(trust_roots=[load_cert_from_pemder(ca)], allow_fetching=False)
good = True
with open(path, "rb") as f:
    reader = PdfFileReader(f, strict=False)
    sigs = reader.embedded_signatures
    if not sigs:
        print("no signatures")
        good = False
    for sig in sigs:
        try:
            st = validate_pdf_signature(sig, vc)
            cov = st.coverage.name if st.coverage else None
            mod = st.modification_level.name if st.modification_level else None
            print(
                f"{sig.field_name}: intact={st.intact} valid={st.valid} "
                f"trusted={st.trusted} coverage={cov} modification={mod}"
            )
            good = good and st.intact and st.valid and st.trusted
        except Exception as e:  # a broken signature is a failed one
            print(f"{sig.field_name}: intact=False error={e!r}")
            good = False
sys.exit(0 if good else 1)
