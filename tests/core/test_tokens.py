"""The importer's cached word cuts give exactly jieba's cut of the whole text; its caches empty."""

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core import paragraphs, tokens
from editor.core.importer import clear_caches, segment_text
from editor.core.similarity import keywords
from tests.core.pages import news_page

# Han characters, Latin letters and digits (jieba's runs) mixed with punctuation and spaces.
_CHARS = "工会职工技能培训比武新春走访社区服务" + "abcXY12" + " 　\t，。、：“”（）-.#%"
_TEXT = st.text(alphabet=st.sampled_from(list(_CHARS)), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_cut_piece_by_piece_equals_the_whole_cut(a, b):
    assert tokens.cut_cached(a) == tokens.cut(a)
    # A joined text is cut as one: words may run across the join.
    assert tokens.cut_cached(a + b) == tokens.cut(a + b)


def test_a_new_user_dictionary_empties_the_word_caches(tmp_path):
    word = "翥澜站"  # cut into single characters unless a dictionary knows it
    text = f"今天{word}正式启用"
    assert word not in keywords(text)
    path = tmp_path / "mine.dict"
    path.write_text(f"{word} 2000 ns\n", encoding="utf-8")
    tokens.get_jieba()
    try:
        tokens.set_user_dict(path)
        assert word in tokens.cut_cached(text)
        assert word in keywords(text)
    finally:
        tokens.set_user_dict(None)
        tokens.get_jieba().del_word(word)
        tokens.clear_word_caches()


def test_clear_caches_empties_every_importer_cache():
    segment_text(news_page())
    caches = [*tokens._word_caches, paragraphs._commonest]
    assert any(c.cache_info().currsize for c in caches)
    clear_caches()
    assert all(c.cache_info().currsize == 0 for c in caches)
    assert tokens.is_loaded()  # jieba's dictionaries stay


def test_only_dictionary_words_count_as_cut_by_a_line_break():
    from editor.core.tokens import cuts_a_known_word, cuts_a_word

    assert cuts_a_word("钟毓", "老旧小区加装电梯")  # jieba glues the unknown name on
    assert not cuts_a_known_word("钟毓", "老旧小区加装电梯")
    assert cuts_a_known_word("劳动", "者的规模有多大")
    assert not cuts_a_known_word("劳动者", "的规模有多大")
