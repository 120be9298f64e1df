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


def test_layers_multiply_through_numpy_and_parse_as_with_blis() -> None:
    from thinc.backends import NumpyOps

    from coach.language import nlp

    texts = [
        "The handover notes arrived after the client had already phoned twice.",
        "Could we agree who chairs the Tuesday review before it starts?",
        "I lost the thread when three of us spoke at once, so I stopped taking notes.",
    ]
    loaded = nlp._light_pipeline()
    models = [getattr(c, "model", None) for _, c in loaded.pipeline]
    nodes = [n for m in models if hasattr(m, "walk") for n in m.walk()]  # type: ignore[union-attr]
    assert nodes and all(not n.ops.use_blis for n in nodes)

    def attributes() -> list[tuple[str, ...]]:
        return [
            (t.text, t.tag_, t.dep_, str(t.head.i), t.lemma_, str(t.is_sent_start))
            for doc in loaded.pipe(texts)
            for t in doc
        ]

    with_numpy = attributes()
    blis = NumpyOps(use_blis=True)
    try:
        for node in nodes:
            node.ops = blis
        assert attributes() == with_numpy
    finally:
        for node in nodes:
            node.ops = nlp._thinc_cpu()[0]
