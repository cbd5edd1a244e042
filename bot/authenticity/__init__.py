"""§33 authenticity of issued files: the organization's PAdES signature (``signing``) and
what a sent PDF says about itself (``file_check``). pyHanko, cryptography and pypdf load on
first use, never when the bot starts."""
