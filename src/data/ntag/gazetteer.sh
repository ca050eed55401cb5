#!/bin/sh
# gazetteer.sh DIR: the gazetteer ntag -g reads, as list<TAB>name lines,
# from the open name lists in DIR (../shared/data/ner/gazetteers/open).
# Only lists whose licences allow shipping the model built from them are
# read (see README in this directory).  POSIX sh and awk.
dir=${1:?usage: gazetteer.sh DIR}
export LC_ALL=C
for f in compromise_MaleName.txt compromise_FemaleName.txt compromise_FirstName.txt \
    compromise_LastName.txt compromise_Person.txt people_names_cspell.txt \
    compromise_Organization.txt companies_cspell.txt compromise_SportsTeam.txt \
    compromise_Country.txt compromise_City.txt geonames_cities1000.tsv \
    geonames_admin1.tsv compromise_Region.txt compromise_Place.txt \
    compromise_Demonym.txt org_trigger_words_compromise.txt \
    place_trigger_words_compromise.txt compromise_Honorific.txt; do
	[ -r "$dir/$f" ] || { echo "gazetteer.sh: $dir/$f: missing" >&2; exit 1; }
done
cd "$dir" || exit 1
{
	awk '{ print "first\t" $0 }' compromise_MaleName.txt compromise_FemaleName.txt \
	    compromise_FirstName.txt
	awk '{ print "last\t" $0 }' compromise_LastName.txt
	awk '{ print "person\t" $0 }' compromise_Person.txt
	awk '{ print "name\t" $0 }' people_names_cspell.txt
	awk 'length($0) > 1 { print "org\t" $0 }' compromise_Organization.txt companies_cspell.txt
	awk '{ print "team\t" $0 }' compromise_SportsTeam.txt
	awk '{ print "country\t" $0 }' compromise_Country.txt
	awk '{ print "city\t" $0 }' compromise_City.txt
	awk -F'\t' 'NR > 1 && $1 != "" { print "city\t" $1 }' geonames_cities1000.tsv
	awk -F'\t' 'NR > 1 && $2 != "" { print "region\t" $2 }' geonames_admin1.tsv
	awk '{ print "region\t" $0 }' compromise_Region.txt
	awk '{ print "place\t" $0 }' compromise_Place.txt
	awk '{ print "demonym\t" $0 }' compromise_Demonym.txt
	awk '{ print "orgword\t" $0 }' org_trigger_words_compromise.txt
	awk '{ print "placeword\t" $0 }' place_trigger_words_compromise.txt
	awk '{ print "honorific\t" $0 }' compromise_Honorific.txt
} | awk -F'\t' '$2 != "" && !seen[$0]++'
