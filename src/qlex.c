/* qlex.c: nquote's word lists. Hand-made for this project: the reporting
 * verbs in every inflection, titles, forenames that tell a gender, words
 * that make a name an organisation, and the small words that are never a
 * speaker. A value says what a word is to quote.c (Q_* in quote.h). */
#include "nu.h"
#include "quote.h"

/* =1 speech verbs, whose clause can be indirect speech; =2 verbs that
 * cue a quotation but do not a clause. */
static const char verbs[] =
    "=2 noting say clarify clarifies clarified clarifying underline underlines underlined underlining repeat repeats repeated repeating estimate estimates estimated estimating says said saying tell tells told telling add adds added adding "
    " stated stating announce announces announced announcing "
    "declare declares declared declaring insist insists insisted insisting "
    "stress stresses stressed stressing claimed claiming "
    "warn warns warned lament laments lamented lamenting "
    "tweet tweets tweeted tweeting write writes wrote written writing "
    " noted noting explain explains explained explaining "
    "argue argues argued arguing recall recalls recalled recalling "
    "reply replies replied replying respond responds responded responding "
    "admit admits admitted admitting acknowledge acknowledges acknowledged "
    "acknowledging confirm confirms confirmed confirming deny denies denied "
    "denying complain complains complained complaining "
    "commented commenting remarks remarked remarking conclude "
    "concludes concluded concluding continued "
    "suggest suggests suggested suggesting predict predicts predicted "
    "predicting vows vowed vowing pledges pledged pledging "
    " promises promised promising reported "
    "concede concedes conceded conceding boast boasts boasted boasting "
    "observe observes observed observing emphasize emphasizes emphasized "
    "emphasizing emphasise emphasises emphasised emphasising reiterate "
    "reiterates reiterated reiterating assert asserts asserted asserting "
    "maintain maintains maintained maintaining contend contends contended "
    "contending allege alleges alleged alleging reveal reveals revealed "
    "revealing mention mentions mentioned mentioning indicate indicates "
    "indicated indicating testify testifies testified testifying inform "
    "informs informed informing assure assures assured assuring caution "
    "cautions cautioned cautioning threaten threatens threatened "
    "threatening explain agree agrees agreed agreeing "
    "=4 anticipated anticipates notes claims reports protested protests protesting targets targeted chanted chanting blamed blames blaming pointed pointing issued released emailed yelled yells yelling quoted interjected implied implies elaborated expressed credited thinks thought believes believed offered published hailed hails hailing touted touts touting decried decries decrying derided derides deriding mocked mocks mocking ridiculed ridicules ridiculing lauded lauds lauding applauded applauds applauding condemned condemns condemning denounced denounces denouncing cited cites citing referred refers referring pledged pledges pledging vowed vows vowing promised promises promising characterized characterizes characterizing characterised characterises characterising likened likens likening bragged brags bragging lambasted lambastes lambasting chided chides chiding scolded scolds scolding termed terms deemed deems questioned questioning posted read reads riffed according ask asks asked asking answers answered answering "
    "quip quips quipped quipping joke jokes joked joking muse muses mused "
    "musing shout shouts shouted shouting scream screams screamed "
    "screaming whisper whispers whispered whispering cries cried "
    "retorted retorting counters countered "
    "countering proclaim proclaims proclaimed proclaiming demands "
    "demanded demanding urge urges urged urging describe describes "
    "described describing calls called calling accuse accuses accused "
    "accusing praise praises praised praising compliment compliments "
    "complimented complimenting criticize criticizes criticized "
    "criticizing criticise criticises criticised criticising disparage "
    "disparages disparaged disparaging reject rejects rejected rejecting "
    "dismiss dismisses dismissed dismissing blasts blasted blasting "
    " slams slammed slamming charges charged charging "
    "wonder wonders wondered wondering recommend recommends recommended "
    "recommending propose proposes proposed proposing "
    "speak speaks spoke speaking exclaim exclaims exclaimed exclaiming "
    " snaps snapped snapping thank thanked thanking "
    " welcomes welcomed welcoming labels labelled labeled "
    "labelling labeling brands branded branding put puts";

/* titles and roles before a name, some with a gender */
static const char titles[] =
    "=8 councillor councilor councillors councilors senators congressmen congresswomen lawmakers ministers governors mayors councilman councilwoman alderman assemblyman assemblywoman congressman congresswoman pastor reverend rabbi imam father-in-law republican democrat democratic gop independent conservative liberal president prime minister secretary governor gov sen senator rep "
    "representative mayor dr prof professor general gen col colonel lt "
    "sgt sergeant captain capt maj major adm admiral chancellor pope bishop "
    "rev judge justice chief commissioner director chairman chairwoman "
    "chair ceo ambassador speaker leader deputy vice spokesman spokeswoman "
    "spokesperson commander officer sheriff attorney minister's premier "
    "foreign defense defence interior finance economy health "
    "lawmaker senior former acting candidate nominee coach manager "
    "whip editor correspondent counsel advocate supervisor recorder treasurer "
    "comptroller superintendent "
    "=24 mr sir king prince lord father brother monsignor "
    "=40 mrs ms miss madam madame lady queen princess dame sister";

/* forenames that tell a gender */
static const char forenames[] =
    "=80 aaron abraham ahmed alberto aleksandr alessandro alvaro anders andres angelo anton antoine arturo axel bernard bjorn boris bruno carlo christian claude conor cristian dariusz david dieter dominik edgar eduardo emil enrique erik ernesto fabio felipe felix fernando filip francesco francisco franz friedrich gabriel giorgio giovanni giuseppe gustav hamid hassan heinrich hugo ibrahim igor ismail jacek jakob jakub janusz javier jens jerzy joachim johan johannes jorge josef jurgen kamil karl karol klaus krzysztof lars laurent lorenzo lucas luca lukas magnus manuel marcel marcin mario mateusz matteo mikolaj milan miguel mustafa nikola niklas olav olivier omar pablo paolo pascal patrik pavel pedro per pieter piet rafal ricardo roberto rolf rui salvador sandro sebastian sergio simon stefan sven szymon theo thomas tobias tomas tomasz ulrich vincent vladislav wojciech wolfgang yusuf zbigniew  adam adrian alan albert alex alexander alexandr alexei aleksei "
    "alexey alfred ali andre andrei andrew andriy andrzej anthony antonio "
    "arnold arthur barack ben benjamin bernie bill bob boris brad brian "
    "bruce carl carlos charles chris christopher chuck colin craig dan "
    "daniel danny dave david dennis dmitry dmitri donald doug douglas "
    "edward emmanuel eric evgeny frank fred gary george gerald gordon greg "
    "gregory hans harry henry hugo ian igor ilya ivan jack jacob james "
    "jan jason jean jeb jeff jeffrey jeremy jerry jim jimmy joe joel john "
    "johnny jon jonathan jose joseph josh joshua juan justin keith ken "
    "kenneth kevin kim kirill larry lee leonid luis marco marcus mark "
    "marek martin matt matthew max michael michel mike mikhail mitch "
    "mohammed muhammad nathan neil nicholas nick nikolai oleg oleksandr "
    "olaf oliver omar oscar patrick paul pavel peter petro philip pierre "
    "piotr rafael ralph ramzan randy ray raymond reince richard rick robert "
    "rodrigo roger roman ron ronald rudy russell ryan sam samuel scott "
    "sean sergei sergey stanislav stephen steve steven stuart ted terry "
    "thomas tim timothy todd tom tony valery vasily victor viktor vitali "
    "vladimir volodymyr walter wayne william xi yevgeny yuri yury "
    "=96 alexandra agata agnieszka aleksandra alicja anja anke antonia astrid beata birgit brigitte camille carmen carla chiara christina clara daniela dorota elisabeth elzbieta ewa francesca gabriela giulia greta hanna hannah helga ida ilse ingrid irena isabel isabella joanna johanna julia justyna karin katarzyna katharina kinga laura lena lucia magdalena malgorzata marta martina monika nora petra renate sabine silvia sofia sonja stefanie teresa ursula valeria veronika zofia  alice alina alla amanda amy ana angela ann anna anne "
    "barbara betsy carly caroline catherine cheryl christine claire "
    "diana donna elena elizabeth ellen emily emma eva hillary helen irina "
    "jane janet jennifer jessica jill joan julia julie karen kate katherine "
    "kathleen kellyanne laura linda lisa lucy margaret maria marie marina "
    "mary melania michelle nancy natalia natalya nadia nikki nina olga "
    "patricia rachel rebecca sarah sandra sharon sophie susan svetlana "
    "sviatlana tatiana tatyana theresa ursula valentina victoria yulia "
    "ivanka chelsea huma donna debbie hope kristina liz";

/* a word of an organisation's name, or a noun for a body that speaks;
 * nouns for a person and for people */
static const char bodies[] =
    "=128 ad ads commercial poll polls survey study memo ministry government council agency office party committee "
    "commission department service army forces force bank union company "
    "corporation inc corp ltd group association institute university court "
    "parliament senate congress house kremlin pentagon police administration "
    "campaign foundation organization organisation news times journal "
    "press network channel reuters bureau authority board federation "
    "league alliance guard navy staff center centre embassy cabinet "
    "assembly coalition movement front statement newspaper firm "
    "military ministry's committee's command tribunal club team "
    "=256 spokesman spokeswoman spokesperson official minister president "
    "leader aide adviser advisor analyst expert source lawyer attorney "
    "director chief governor mayor senator candidate nominee man woman "
    "diplomat general commander officer secretary chairman member author "
    "researcher professor witness resident economist strategist "
    "=768 officials sources analysts experts lawmakers critics residents "
    "authorities people protesters observers diplomats witnesses "
    "aides advisers advisors leaders members supporters voters";

/* the small words that start sentences and are no names: determiners,
 * pronouns, conjunctions, prepositions, a few adverbs */
static const char smallwords[] =
    "=1 the a an this that these those his her its their our my your "
    "neither either nor both maybe perhaps yes well now even only just instead already again "
    "still thus hence yet sure ok okay oh hey please thanks "
    "he she it they we i you there here who what when where why how which "
    "but and or so yet if as at by for from in into of on to with without "
    "after before during since until while although though because "
    "however also still then now later meanwhile moreover indeed instead "
    "despite amid among over under about against between through "
    "last next one some many most all both each every no not never "
    "according asked speaking earlier";

/* pronouns that can speak; determiners; the adverbs and auxiliaries
 * between a subject and its verb; the small words inside names; the words
 * before a term (some of them the names of works); what carries someone's
 * words; times; the articles and possessives that make a verb's word a
 * noun (his remarks); the words that open a clause of their own; the
 * auxiliaries and modals (a clause that opens with one has no subject);
 * and nouns for what someone said */
static const char closed[] =
    "=1024 he she it they we i "
    "=2048 the a an his her its their our this that these those another one "
    "two three several some many "
    "=4096 also later then has had have was is were would will could did "
    "does again once further previously recently reportedly repeatedly even "
    "just still too ultimately simply first often publicly privately "
    "separately earlier since not never himself herself itself themselves "
    "=8192 of for de von van al bin da la "
    "=16384 so-called dubbed titled entitled nicknamed named codenamed term "
    "word words phrase slogan hashtag "
    "=540672 film movie book song album show series "
    "novel documentary play programme program magazine newspaper operation "
    "project initiative campaign plan doctrine policy label brand app "
    "=32768 page account website site statement post channel feed letter "
    "message tweet video blog press communique announcement remarks comments "
    "ad ads release releases email emails memo "
    "=65536 of to with about from for by against at in on into than like "
    "under over between among toward towards behind beside near via "
    "=131072 monday tuesday wednesday thursday friday saturday sunday "
    "january february march april june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "today tonight yesterday tomorrow morning afternoon evening night "
    "week weekend month year earlier later "
    "=262144 the a an his her its their our "
    "=1048576 who whom whose which when while after before although though "
    "because if as since until where whether "
    "=4194304 has have had is are was were can could would will may might "
    "should must does did "
    "=2097152 remark remarks comment comments claim claims assertion "
    "assertions warning warnings promise promises pledge pledges vow vows "
    "argument arguments answer response reply charge charges accusation "
    "accusations description admission insistence plea call calls slogan "
    "mantra refrain quip retort insult insults complaint complaints "
    "suggestion boast threat threats";

struct lex q_words;
struct lexmemo q_memo;

/* One table for all: a word in two lists has both bits (W_* in quote.h). */
void
qlex_init(void)
{
	static const char *const lists[] = {verbs, titles, forenames, bodies, smallwords, closed};
	struct buf all = {0};
	size_t i;

	for (i = 0; i < sizeof lists / sizeof *lists; i++) {
		buf_adds(&all, lists[i]);
		buf_addc(&all, ' ');
	}
	lex_init(&q_words, all.p);
	buf_free(&all);	/* the table holds copies */
}
