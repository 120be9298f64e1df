"""Kept parses: a batch parsed ahead is what later parses of the same texts hand out."""

from __future__ import annotations


def test_parse_many_leaves_the_same_parses_as_one_at_a_time() -> None:
    from coach.language.nlp import forget_parses, parse, parse_many

    texts = ["The standup ran long because two demos overran.", "Please send the notes first."]
    forget_parses()
    alone = [[(t.text, t.tag_, t.dep_, t.head.i) for t in parse(text)] for text in texts]
    forget_parses()
    parse_many(texts)
    kept = [parse(text) for text in texts]
    assert [[(t.text, t.tag_, t.dep_, t.head.i) for t in doc] for doc in kept] == alone
    assert parse(texts[0]) is kept[0]  # parse_many's doc is the one handed out afterwards


def test_setting_thinc_ops_first_thing_does_not_import_torch() -> None:
    import subprocess
    import sys

    from coach.settings import PROJECT_ROOT

    script = (
        "import sys\n"
        "from coach.language.nlp import thinc_ops_in_context\n"
        "thinc_ops_in_context()\n"
        "assert sys.modules.get('torch') is None, 'torch was imported'\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, check=True, timeout=120)
