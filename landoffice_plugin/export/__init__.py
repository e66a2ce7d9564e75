"""Shared export code: print-layout templates, PDF maps, styled Excel workbooks, layer styles."""
