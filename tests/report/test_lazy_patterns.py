"""The regular expressions of reportlab and cryptography that are compiled on first use instead of at import
(render/_patterns.py): taken in a report run, and the same matches as the patterns compiled at once."""

from __future__ import annotations

import subprocess
import sys

CODE = r"""
import re, sys
import wcif_desktop.render  # seeds re's cache
import reportlab.platypus
import reportlab.lib.PyFontify as pyfontify
import reportlab.platypus.paragraph as paragraph
from cryptography import x509
from cryptography.x509.name import _RFC4514NameParser
from wcif_desktop.render._patterns import LazyPattern

lazy = [paragraph.uri_pat, _RFC4514NameParser._STRING_RE, pyfontify.matchRE]
assert all(type(p) is LazyPattern for p in lazy), [type(p) for p in lazy]
assert all(p._compiled is None for p in lazy), "compiled at import"

def real(p):  # the same pattern, compiled now (another cache key: a non-capturing group around it)
    return re.compile("(?:" + p.pattern + ")", p._key[2])

samples = {
    0: ["http://例子.中国/路径?q=1", "https://www.mohrss.gov.cn/SYrlzyhshbzb/", "ftp://user:pw@10.0.0.1:21/x",
        "not a url", "http://-bad-.com", "HTTP://EXAMPLE.COM", "http://[::1]/", "xn--fiqs8s.cn"],
    1: ["王建国", "abc\\2C def", "#0403", " leading", "trailing\\ ", "a+b", ""],
    2: ["def f(x):\n    return x  # comment\n", "'''doc''' and \"s\"", "print(1) if a else b"],
}
for i, p in enumerate(lazy):
    r = real(p)
    for s in samples[i]:
        m1, m2 = p.match(s), r.match(s)
        assert (m1 and (m1.span(), m1.groups())) == (m2 and (m2.span(), m2.groups())), (i, s)
        assert [m.span() for m in p.finditer(s)] == [m.span() for m in r.finditer(s)], (i, s)
    assert type(p._compiled) is re.Pattern and p.flags == r.flags and p.pattern == r.pattern[3:-1]

# the libraries' own uses still work
name = x509.Name.from_rfc4514_string("CN=王建国,O=内蒙古鑫方圆会计师事务有限公司\\, 呼和浩特,C=CN")
assert name.rfc4514_string() == "CN=王建国,O=内蒙古鑫方圆会计师事务有限公司\\, 呼和浩特,C=CN", name.rfc4514_string()
pairs = list(paragraph._uri_split_pairs("http://www.example.com/a/b/c") or [])
assert pairs and pairs[0][0].startswith("http://www.example.com/"), pairs
print("ok")
"""


def test_deferred_patterns_are_taken_and_match_as_compiled():
    r = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.strip() == "ok"
