"""pynode: a Node.js-compatible JavaScript runtime on Python and QuickJS."""
