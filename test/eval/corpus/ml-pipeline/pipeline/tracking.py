"""Experiment tracking and vector store setup."""
import os

import wandb
from pinecone import Pinecone

WANDB_PROJECT = "ranker-v3"
os.environ.setdefault("WANDB_API_KEY", "{{fake:wandb-api-key}}"){{expect:wandb-api-key}}

pc = Pinecone(api_key=os.environ["PINECONE_API_KEY"])
index = pc.Index("documents-prod")

replicate_token = "{{fake:replicate-api-token}}"{{expect:replicate-api-token}}
cohere_key = "{{fake:cohere-api-key}}"{{expect:cohere-api-key}}


def start_run(config: dict) -> "wandb.sdk.wandb_run.Run":
    return wandb.init(project=WANDB_PROJECT, config=config, tags=["nightly"])


def upsert(vectors: list[tuple[str, list[float], dict]]) -> int:
    response = index.upsert(vectors=vectors, namespace="default")
    return response.upserted_count


def embedding_dim() -> int:
    # Checksum of the tokenizer we pin: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
    return 1024
