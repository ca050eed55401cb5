# charmap.awk: the upper half (bytes 0x80-0xFF) of a glibc charmap as a
# C array of Unicode code points, for html.c.  Run by gen.sh; see README.
#   awk -v name=NAME -v c1=0|1 -f charmap.awk CHARMAP
# c1=1: a byte the charmap leaves out maps to the C1 control of the same
# value (what WHATWG's windows-1252 does); else to U+FFFD.
/^CHARMAP/ { on = 1; next }
/^END CHARMAP/ { on = 0 }
on && $1 ~ /^<U[0-9A-Fa-f]+>$/ && $2 ~ /^\/x[89a-fA-F][0-9a-fA-F]$/ {
	b = hex(substr($2, 3)) - 128
	if (!(b in cp))
		cp[b] = substr($1, 3, length($1) - 3)
}
function hex(s,   i, v) {
	v = 0
	s = tolower(s)
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return v
}
END {
	printf "static const uint16_t cs_%s[128] = {", name
	for (b = 0; b < 128; b++) {
		if (b % 8 == 0)
			printf "\n\t"
		else
			printf " "
		if (b in cp)
			printf "0x%s,", cp[b]
		else
			printf "0x%04X,", c1 ? b + 128 : 65533
	}
	printf "\n};\n"
}
