"""Tools for testing against the real Node.js: the reference binary and output comparison."""
