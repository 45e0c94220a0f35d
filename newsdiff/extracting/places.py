"""Places as data: countries with their other names and adjectives, and a few cities that news names
without a country.  Every form maps to one canonical name, so "US", "U.S." and "American" all name the
United States and "German elections" names Germany."""

from __future__ import annotations

# canonical name: other names and adjectives (lower case)
_COUNTRIES = {
    "Afghanistan": "afghan afghans",
    "Albania": "albanian",
    "Algeria": "algerian",
    "Argentina": "argentine argentinian",
    "Armenia": "armenian",
    "Australia": "australian",
    "Austria": "austrian",
    "Azerbaijan": "azerbaijani",
    "Bahrain": "bahraini",
    "Bangladesh": "bangladeshi",
    "Belarus": "belarusian",
    "Belgium": "belgian",
    "Bolivia": "bolivian",
    "Bosnia": "bosnian",
    "Brazil": "brazilian",
    "Bulgaria": "bulgarian",
    "Cambodia": "cambodian",
    "Cameroon": "cameroonian",
    "Canada": "canadian",
    "Chile": "chilean",
    "China": "chinese prc",
    "Colombia": "colombian",
    "Croatia": "croatian",
    "Cuba": "cuban",
    "Cyprus": "cypriot",
    "Czech Republic": "czech czechia",
    "Denmark": "danish",
    "Ecuador": "ecuadorian",
    "Egypt": "egyptian",
    "Estonia": "estonian",
    "Ethiopia": "ethiopian",
    "Finland": "finnish",
    "France": "french",
    "Georgia": "georgian",
    "Germany": "german",
    "Ghana": "ghanaian",
    "Greece": "greek",
    "Haiti": "haitian",
    "Hungary": "hungarian",
    "Iceland": "icelandic",
    "India": "indian",
    "Indonesia": "indonesian",
    "Iran": "iranian",
    "Iraq": "iraqi",
    "Ireland": "irish",
    "Israel": "israeli",
    "Italy": "italian",
    "Japan": "japanese",
    "Jordan": "jordanian",
    "Kazakhstan": "kazakh",
    "Kenya": "kenyan",
    "Kosovo": "kosovar",
    "Kuwait": "kuwaiti",
    "Latvia": "latvian",
    "Lebanon": "lebanese",
    "Libya": "libyan",
    "Lithuania": "lithuanian",
    "Malaysia": "malaysian",
    "Mexico": "mexican",
    "Moldova": "moldovan",
    "Morocco": "moroccan",
    "Myanmar": "burma burmese",
    "Nepal": "nepali nepalese",
    "Netherlands": "dutch holland",
    "New Zealand": "new zealander",
    "Nigeria": "nigerian",
    "North Korea": "north korean dprk",
    "Norway": "norwegian",
    "Pakistan": "pakistani",
    "Palestine": "palestinian",
    "Peru": "peruvian",
    "Philippines": "filipino philippine",
    "Poland": "polish",
    "Portugal": "portuguese",
    "Qatar": "qatari",
    "Romania": "romanian",
    "Russia": "russian russian federation",
    "Saudi Arabia": "saudi",
    "Serbia": "serbian",
    "Singapore": "singaporean",
    "Slovakia": "slovak",
    "Slovenia": "slovenian",
    "Somalia": "somali",
    "South Africa": "south african",
    "South Korea": "south korean",
    "Spain": "spanish",
    "Sri Lanka": "sri lankan",
    "Sudan": "sudanese",
    "Sweden": "swedish",
    "Switzerland": "swiss",
    "Syria": "syrian",
    "Taiwan": "taiwanese",
    "Thailand": "thai",
    "Tunisia": "tunisian",
    "Turkey": "turkish",
    "Ukraine": "ukrainian",
    "United Arab Emirates": "uae emirati",
    "United Kingdom": "uk u.k. britain great britain british",
    "United States": "us u.s. usa u.s.a. america american united states of america",
    "Venezuela": "venezuelan",
    "Vietnam": "vietnamese",
    "Yemen": "yemeni",
    "Zimbabwe": "zimbabwean",
}
#: Parts of countries and regions that news treats as places of their own.
_REGIONS = {
    "Chechnya": "chechen",
    "Crimea": "crimean",
    "England": "english",
    "Europe": "european",
    "Gaza": "",
    "Kashmir": "kashmiri",
    "Latin America": "",
    "Middle East": "",
    "Northern Ireland": "",
    "Scotland": "scottish",
    "Wales": "welsh",
    "West Bank": "",
}
#: The states of the United States, which American news names without the country.  "Georgia" stays the
#: country and "Washington" the city (listed below), and "New York" is the city too.
_US_STATES = """
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois
Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
Montana Nebraska Nevada New-Hampshire New-Jersey New-Mexico North-Carolina North-Dakota Ohio Oklahoma Oregon
Pennsylvania Rhode-Island South-Carolina South-Dakota Tennessee Texas Utah Vermont Virginia West-Virginia
Wisconsin Wyoming
"""
_CITIES = """
Aleppo Amsterdam Ankara Athens Baghdad Beijing Beirut Berlin Brussels Cairo Chicago Damascus Delhi Dublin
Edinburgh Geneva Hong-Kong Istanbul Jerusalem Kabul Kiev Kyiv Lagos London Los-Angeles Madrid Manchester
Mexico-City Moscow Mumbai Nairobi New-York Paris Pyongyang Rome Seoul Shanghai Stockholm Sydney Tehran
Tokyo Toronto Vienna Warsaw Washington
"""

PLACES: dict[str, str] = {}
for _name, _others in {**_COUNTRIES, **_REGIONS}.items():
    PLACES[_name.lower()] = _name
    for _form in _others.split():
        PLACES.setdefault(_form, _name)
for _state in _US_STATES.split():
    PLACES.setdefault(_state.replace("-", " ").lower(), _state.replace("-", " "))
for _city in _CITIES.split():
    PLACES[_city.replace("-", " ").lower()] = _city.replace("-", " ")

# Multi-word forms listed as one string above ("north korean dprk") are split by word; put the known
# multi-word adjectives back whole.
for _form, _name in {
    "north korean": "North Korea", "south korean": "South Korea", "south african": "South Africa",
    "sri lankan": "Sri Lanka", "new zealander": "New Zealand", "great britain": "United Kingdom",
    "united states of america": "United States", "russian federation": "Russia",
}.items():
    PLACES[_form] = _name
for _bad in ("north", "south", "korean", "african", "lankan", "new", "zealander", "great", "of", "federation",
             "united", "states", "republic", "arabia", "emirates", "lanka", "zealand", "korea", "africa"):
    if PLACES.get(_bad) and _bad not in ("korea",):
        del PLACES[_bad]

#: The longest place name, in words: how far a lookup needs to look ahead.
MAX_PLACE_WORDS = max(len(k.split()) for k in PLACES)
#: The first word of every place name, lower case: a run whose word is not here starts no place.
PLACE_FIRST_WORDS = frozenset(k.split()[0] for k in PLACES if k.split())


def place(name: str) -> str | None:
    """The canonical place a name or adjective refers to, or None."""
    return PLACES.get(name.lower().replace("’s", "").replace("'s", "").strip())
