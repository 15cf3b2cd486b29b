from ghatna.text.dedup import bands, distance, simhash

TEXT = ("भारत और बांग्लादेश के गृह सचिवों ने ढाका में सीमा प्रबंधन पर दो दिन तक बातचीत की और "
        "तस्करी रोकने के लिए संयुक्त गश्त बढ़ाने पर सहमति जताई")


def test_similar_texts_are_close_and_different_texts_far():
    a = simhash(TEXT)
    b = simhash(TEXT.replace("दो दिन", "तीन दिन"))
    c = simhash("मौसम विभाग ने अगले तीन दिनों में उत्तर भारत के कई राज्यों में भारी बारिश की चेतावनी जारी की है "
                "और लोगों से सावधान रहने को कहा है")
    assert distance(a, b) < distance(a, c)
    assert distance(a, c) > 10


def test_short_text_has_no_fingerprint():
    assert simhash("दो शब्द") is None


def test_bands_cover_the_hash():
    value = simhash(TEXT)
    assert sum(b << (16 * i) for i, b in enumerate(bands(value))) == value
