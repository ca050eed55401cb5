# entities.awk: the HTML5 named character references from the "html5"
# dictionary of Python's html/entities.py (itself made from WHATWG's
# entities.json) as C initialisers { "name", cp1, cp2 }, for html.c.
# Run by gen.sh; see README.  Names keep their ';': a name listed both
# with and without it is a legacy one that may go without.
/^html5 = [{]/ { on = 1; next }
on && /^[}]/ { on = 0 }
on && /^    '/ {
	line = $0
	sub(/^    '/, "", line)
	i = index(line, "': ")
	name = substr(line, 1, i - 1)
	v = substr(line, i + 3)
	sub(/,$/, "", v)
	q = substr(v, 1, 1)
	v = substr(v, 2, length(v) - 2)
	n = 0
	while (v != "") {
		if (v ~ /^\\x/) { cp[++n] = substr(v, 3, 2); v = substr(v, 5) }
		else if (v ~ /^\\u/) { cp[++n] = substr(v, 3, 4); v = substr(v, 7) }
		else if (v ~ /^\\U/) { cp[++n] = substr(v, 3, 8); v = substr(v, 11) }
		else if (v ~ /^\\n/) { cp[++n] = "0a"; v = substr(v, 3) }
		else if (v ~ /^\\t/) { cp[++n] = "09"; v = substr(v, 3) }
		else if (v ~ /^\\\\/) { cp[++n] = "5c"; v = substr(v, 3) }
		else { cp[++n] = sprintf("%02x", ord(substr(v, 1, 1))); v = substr(v, 2) }
	}
	if (n < 1 || n > 2) {
		print "entities.awk: " name ": " n " characters" >"/dev/stderr"
		exit 1
	}
	printf "{\"%s\", 0x%s, %s},\n", name, toupper(cp[1]), (n > 1 ? "0x" toupper(cp[2]) : "0")
}
# the few literal characters in the dictionary are printable ASCII
function ord(c) {
	return index(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~", c) + 31
}
