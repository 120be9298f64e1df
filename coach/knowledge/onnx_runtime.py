"""Sentence embeddings on onnxruntime and tokenizers: the MiniLM vectors without importing torch.

The ONNX graph is exported once, locally, from the bundled safetensors weights (`coach
embeddings export`, run by scripts/setup); only that export needs torch. At run time the
tokenizer, the graph, mean pooling and normalization reproduce sentence-transformers' pipeline
for a Transformer + mean Pooling + Normalize model.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# Bumped when the export itself changes (opset, inputs), so old files are not reused.
EXPORT_VERSION = 2
OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_export_lock = threading.Lock()


def _weights(model_dir: Path) -> Path:
    for name in ("model.safetensors", "pytorch_model.bin"):
        if (model_dir / name).is_file():
            return model_dir / name
    raise FileNotFoundError(f"no model.safetensors or pytorch_model.bin in {model_dir}")


def export_path(model_dir: Path, onnx_dir: Path) -> Path:
    """Where the export of these weights lives; the name changes when the weights do."""
    stat = _weights(model_dir).stat()
    stamp = f"{model_dir.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{EXPORT_VERSION}"
    digest = hashlib.sha256(stamp.encode()).hexdigest()[:12]
    return onnx_dir / f"{model_dir.parent.name}-{model_dir.name}-{digest}.onnx"


def max_seq_length(model_dir: Path) -> int:
    """The token limit sentence-transformers applies (sentence_bert_config.json), else 256."""
    config = model_dir / "sentence_bert_config.json"
    if config.is_file():
        return int(json.loads(config.read_text()).get("max_seq_length", 256))
    return 256


def export(model_dir: Path, target: Path) -> Path:
    """Export the transformer of a local model to ONNX; the one place torch is imported."""
    # The weights are a local folder; the hub must never be asked, even for a config.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from transformers import AutoModel

    class Encoder(torch.nn.Module):
        """Keyword arguments in, the token states out: the traced graph has exactly these."""

        def __init__(self) -> None:
            super().__init__()
            # Eager attention traces the padding mask as data; SDPA's shortcuts may drop it.
            self.inner = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager")

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    model = Encoder().eval()
    length = 8
    dummy = tuple(torch.ones((1, length), dtype=torch.int64) for _ in INPUTS)
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    axes["last_hidden_state"] = {0: "batch", 1: "tokens"}
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.partial")
    with torch.no_grad():
        torch.onnx.export(
            model,
            dummy,
            str(partial),
            input_names=list(INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=OPSET,
            dynamo=False,
        )
    os.replace(partial, target)  # atomic: a concurrent reader never sees half a file
    return target


def ensure_export(model_dir: Path, onnx_dir: Path) -> Path:
    """The ONNX file for these weights, exporting it first when it is missing."""
    target = export_path(model_dir, onnx_dir)
    with _export_lock:
        if not target.is_file():
            log.warning(
                "exporting %s to ONNX once (needs torch); run `coach embeddings export` at set-up",
                model_dir.name,
            )
            export(model_dir, target)
    return target


class OnnxEmbeddings:
    """Normalized mean-pooled sentence embeddings from an exported transformer."""

    def __init__(self, model_dir: Path, onnx_file: Path, batch_size: int, threads: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.batch_size = batch_size
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_seq_length(model_dir))
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        # Spinning worker threads burn a core between requests; the service has few to spare.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        # The arena keeps the peak of every batch (ingestion, the challenge examples at warm-up)
        # reserved for good: measured 44 MiB more RSS after one batch of 22 passages, for ~5%
        # faster runs. A query is a few ms either way; the memory is the scarcer resource.
        options.enable_cpu_mem_arena = False
        self.session = ort.InferenceSession(
            str(onnx_file), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self.session.get_inputs()}

    def _batch(self, texts: list[str]) -> Any:
        encodings = self.tokenizer.encode_batch(texts)
        feeds = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        (hidden,) = self.session.run(None, {k: v for k, v in feeds.items() if k in self._inputs})
        mask = feeds["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.clip(norms, 1e-12, None)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed texts in batches of batch_size."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            vectors.extend(self._batch(texts[start : start + self.batch_size]).tolist())
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed one text."""
        vector: list[float] = self._batch([text])[0].tolist()
        return vector
