"""Representative blocklists for the receipt word lists (crypto.md §3): words about violence, sex, death, illness,
crime, drugs or insults. A word is blocked when it is one of the WORDS or starts with one of the STEMS (Spanish is
compared without accents). The curated lists were filtered with these and then read through by hand
(confide/crypto/WORDLISTS.md); tests/crypto/test_wordlists.py keeps them clean."""


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The receipts quoted in issue 11.
ISSUE_WORDS = frozenset(_words("headlock crying repressed reckless deviancy"))

EN_STEMS = _words(
    """
    abus assault attack battered battering beating behead bleed blood bomb bruis bullet choke combat crush dagger explod
    explos fight firearm grenade gun harass headlock hostage hurt injur kill knife maim massacre molest murder
    pistol punch rape rifle shoot slap slaughter smother stabb strangl suffocat sword threat tortur violen warfare
    weapon wound
    bosom breast buttock crotch erotic flirt fondling genital grope groin horny kiss lingerie lover lustf lusti lusty
    naked nipple nude nudis orgasm porn pregnan seduc sensual sex spank strip sultry thigh undress virgin
    casket coffin corpse dead death decompos dying funeral graves graveyard morgue mortal suicid tomb widow
    cancer cough cramp cripple depress diabet disease fever infect insan lunatic nause overdos plague poison
    psycho rabies seizure sick toxic tumor ulcer virus vomit wart
    arrest booze bribe burglar cocaine convict crime crimin drug drunk felon fraud heist heroin hijack illegal
    jail kidnap loot narcotic opium prison ransom repress robber scam smuggl steal thief theft tipsy tobacco
    whiskey
    bastard brat coward creep crook crying cried devian dork dumb filth freak greed idiot jerk liar loser moron
    nitwit pervert reckless scum slut stupid ugly whore
    """
)
EN_WORDS = frozenset(_words("cry crypt die fat grave ill lame mug sin stab war"))

ES_STEMS = _words(
    """
    abus acos agred asalt asesin atac bomba combat cuchill disparo fusil golpe guerra matar pistol punal
    secuestr tortur violac violen
    beso besar culo desnud erotic pene porno sex teta vagin
    cadaver muert morir suicid tumba
    cancer enferm fiebre gripe nausea tumor vomit
    borrach carcel crimen delit droga ebrio estaf fraude ladron prision robar tabaco
    cabron cojon estupid idiota imbecil mierda pendej puta tonto
    """
)
ES_WORDS = frozenset(_words("arma bala feo gordo preso robo ano"))


def blocked(word: str, *, stems: tuple[str, ...], words: frozenset[str]) -> bool:
    return word in words or word.startswith(stems)
