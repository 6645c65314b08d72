"""A pytest test that runs a snippet from the node:net docs and checks what it promises.

Run: python -m pytest examples/test_doc_snippet.py
"""

from node_compat import Runtime

SNIPPET = """
const net = require('node:net');
const blockList = new net.BlockList();
blockList.addAddress('123.123.123.123');
blockList.addRange('10.0.0.1', '10.0.0.10');
blockList.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
[blockList.check('123.123.123.123'), blockList.check('10.0.0.3'), blockList.check('222.111.111.222')]
"""


def test_blocklist_snippet_prints_what_the_docs_say():
    with Runtime() as rt:
        rt.globals["require"] = rt.require("node:module").createRequire(__file__)
        assert rt.eval(SNIPPET).to_py() == [True, True, False]
