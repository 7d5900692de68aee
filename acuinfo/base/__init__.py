"""Foundations every stage may use: domain errors, named records, safe text and names,
safe reading and writing of files, where acuinfo keeps its files, and Ctrl-C.

Modules here import nothing of acuinfo's outside this folder.
"""
