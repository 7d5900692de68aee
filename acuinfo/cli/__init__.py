"""The command line: the app and the options every command shares, the commands by
group (each only parses its arguments and picks a view and a format), help, building
only the command being run, and the pager.

Modules here may import any other part of acuinfo; nothing imports them but the
entry point, ``acuinfo.launch``.
"""
