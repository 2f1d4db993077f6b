#include "emend/model.h"

#include <algorithm>
#include <array>

#include "model/classes.h"
#include "model/file.h"
#include "model/priors.h"
#include "model/trie.h"
#include "model/vocab.h"
#include "text/utf8.h"

namespace emend {

struct Model::Impl {
  std::unique_ptr<model::MappedFile> file;
  model::ModelFile container;
  model::VocabView vocab;
  model::TrieView words;
  model::TrieView chars;
  model::TrieView classes;                               // order 0 when the model has none
  const char* class_map = nullptr;                       // cls.map: u32 LE per word id
  model::PriorsView priors;                              // empty when the model has none
  std::array<uint32_t, 128> ascii_symbol{};             // code point -> char symbol id
  std::vector<std::pair<char32_t, uint32_t>> symbols;   // non-ASCII, sorted

  uint32_t CharSymbol(char32_t c) const {
    if (c < 128) return ascii_symbol[c];
    auto it = std::lower_bound(symbols.begin(), symbols.end(), std::make_pair(c, uint32_t{0}));
    return it != symbols.end() && it->first == c ? it->second : model::kUnk;
  }
};

namespace {

Status LoadCharSymbols(const model::ModelFile& f, uint32_t nsym, Model::Impl* m) {
  StatusOr<model::SectionView> s = f.Get("char.symbols", 4);
  if (!s.ok()) return s.status();
  if (s->count() != nsym) return Status::Corrupt("char.symbols does not match the character model");
  for (uint32_t id = 3; id < nsym; ++id) {
    char32_t c = model::GetU32(s->data + 4 * size_t{id});
    if (c < 128) m->ascii_symbol[c] = id;
    else m->symbols.emplace_back(c, id);
  }
  std::sort(m->symbols.begin(), m->symbols.end());
  return Status::Ok();
}

// The optional class model: its trie and a class below ClassCount() for
// every word id.
Status LoadClasses(const model::ModelFile& f, Model::Impl* m) {
  if (!f.Has("cls.order")) return Status::Ok();
  auto t = model::TrieView::Load(f, "cls");
  if (!t.ok()) return t.status();
  if (t->vocab() != model::ClassCount()) return Status::Corrupt("class model has " + std::to_string(t->vocab()) +
                                                                " classes, this version " + std::to_string(model::ClassCount()));
  auto map = f.Get("cls.map", 4);
  if (!map.ok()) return map.status();
  if (map->count() != m->vocab.size()) return Status::Corrupt("cls.map does not match the vocabulary");
  for (uint64_t i = 0; i < map->count(); ++i)
    if (model::GetU32(map->data + 4 * i) >= t->vocab()) return Status::Corrupt("cls.map: class out of range");
  m->classes = *t;
  m->class_map = map->data;
  return Status::Ok();
}

Status LoadAll(const ModelOptions& o, Model::Impl* m) {
  auto c = model::ModelFile::Parse(m->file->bytes(), o.verify_checksums);
  if (!c.ok()) return c.status();
  m->container = std::move(c).value();
  auto v = model::VocabView::Load(m->container);
  if (!v.ok()) return v.status();
  m->vocab = *v;
  auto w = model::TrieView::Load(m->container, "word");
  if (!w.ok()) return w.status();
  m->words = *w;
  if (m->words.vocab() != m->vocab.size()) return Status::Corrupt("word model and vocabulary sizes differ");
  auto ch = model::TrieView::Load(m->container, "char");
  if (!ch.ok()) return ch.status();
  m->chars = *ch;
  if (Status s = LoadCharSymbols(m->container, m->chars.vocab(), m); !s.ok()) return s;
  if (Status s = LoadClasses(m->container, m); !s.ok()) return s;
  auto p = model::PriorsView::Load(m->container, m->vocab.size());
  if (!p.ok()) return p.status();
  m->priors = *p;
  return Status::Ok();
}

}  // namespace

Model::Model(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Model::~Model() = default;

StatusOr<std::unique_ptr<Model>> Model::Open(const std::string& path, const ModelOptions& options) {
  auto impl = std::make_unique<Impl>();
  auto f = model::MappedFile::Open(path);
  if (!f.ok()) return Status(f.status().code(), "model " + f.status().message());
  impl->file = std::move(f).value();
  if (Status s = LoadAll(options, impl.get()); !s.ok()) return Status(s.code(), "model " + path + ": " + s.message());
  return std::unique_ptr<Model>(new Model(std::move(impl)));
}

StatusOr<std::unique_ptr<Model>> Model::FromBytes(std::string bytes, const std::string& name,
                                                  const ModelOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->file = model::MappedFile::FromString(std::move(bytes), name);
  if (Status s = LoadAll(options, impl.get()); !s.ok()) return Status(s.code(), "model " + name + ": " + s.message());
  return std::unique_ptr<Model>(new Model(std::move(impl)));
}

const std::string& Model::path() const { return impl_->file->path(); }
std::string_view Model::metadata_json() const { return impl_->container.metadata(); }
int Model::order() const { return impl_->words.order(); }
int Model::char_order() const { return impl_->chars.order(); }
uint32_t Model::vocab_size() const { return impl_->vocab.size(); }

uint32_t Model::Find(std::string_view word) const {
  for (unsigned char c : word)
    if (c >= 0x80 || (c >= 'A' && c <= 'Z')) return impl_->vocab.Find(text::Lower(word));
  return impl_->vocab.Find(word);
}

std::string_view Model::Word(uint32_t id) const { return impl_->vocab.Word(id); }
uint64_t Model::Count(uint32_t id) const { return impl_->vocab.Count(id); }

std::vector<CaseVariant> Model::Cases(uint32_t id) const {
  std::vector<CaseVariant> out;
  for (const model::CaseForm& c : impl_->vocab.Cases(id)) out.push_back({c.form, c.share});
  return out;
}

double Model::LogProb(const uint32_t* context, size_t n, uint32_t word) const {
  return impl_->words.LogProb(context, n, word);
}

static_assert(sizeof(Model::State::node) == sizeof(model::TrieState::node));

namespace {

// The public state and the trie's have the same fields.
model::TrieState ToTrie(const Model::State& s) {
  model::TrieState t;
  t.len = s.len;
  std::copy(std::begin(s.node), std::end(s.node), t.node);
  return t;
}

Model::State FromTrie(const model::TrieState& t) {
  Model::State s;
  s.len = t.len;
  std::copy(std::begin(t.node), std::end(t.node), s.node);
  return s;
}

}  // namespace

Model::State Model::NullContext() const { return State{}; }

Model::State Model::BeginSentence() const {
  State s;
  Score(NullContext(), kSentenceStart, &s);
  return s;
}

double Model::Score(const State& in, uint32_t word, State* out) const {
  model::TrieState b;
  double lp = model::TrieScore(impl_->words, ToTrie(in), word, &b);
  *out = FromTrie(b);
  return lp;
}

void Model::ScoreBatch(const State* in, const uint32_t* words, size_t n, double* lp, State* out,
                       std::vector<int64_t>* scratch) const {
  // Per-thread buffers: a decision scores a batch per round, and the model
  // is shared read-only across threads.
  thread_local std::vector<model::TrieState> states;
  thread_local std::vector<int64_t> local;
  states.resize(n);
  for (size_t i = 0; i < n; ++i) states[i] = ToTrie(in[i]);
  impl_->words.ScoreBatch(states.data(), words, n, lp, states.data(), scratch ? scratch : &local);
  for (size_t i = 0; i < n; ++i) out[i] = FromTrie(states[i]);
}

void Model::ScoreSequence(const uint32_t* ids, size_t n, double* out, std::vector<int64_t>* scratch) const {
  std::vector<int64_t> local;
  impl_->words.ScoreSequence(ids, n, out, scratch ? scratch : &local);
}

int Model::class_order() const { return impl_->class_map ? impl_->classes.order() : 0; }

uint32_t Model::ClassOf(uint32_t id, std::string_view lower) const {
  if (id != kUnknown && id < impl_->vocab.size()) return model::GetU32(impl_->class_map + 4 * size_t{id});
  return model::ClassOfWord(kUnknown, lower, false);
}

double Model::ClassLogProb(const uint32_t* context, size_t n, uint32_t cls) const {
  return impl_->classes.LogProb(context, n, cls);
}

bool Model::has_priors() const { return impl_->priors.has(); }

double Model::PriorLogProb(uint32_t previous, uint32_t word) const { return impl_->priors.LogProb(previous, word); }

bool Model::PriorListed(uint32_t word) const { return impl_->priors.Listed(word); }

std::string_view Model::ChannelTable() const {
  auto s = impl_->container.Get("chan.tsv", 1);
  return s.ok() ? std::string_view(s->data, s->size) : std::string_view();
}

double Model::CharLogProb(std::string_view word, size_t* symbols) const {
  const int n = impl_->chars.order();
  std::vector<uint32_t> seq{model::kBos};
  for (size_t i = 0; i < word.size();) {
    char32_t c;
    size_t len = text::DecodeAt(word, i, &c);
    seq.push_back(len ? impl_->CharSymbol(text::ToLower(c)) : model::kUnk);
    i += len ? len : 1;
  }
  seq.push_back(model::kEos);
  double lp = 0;
  for (size_t i = 1; i < seq.size(); ++i) {
    size_t ctx = std::min<size_t>(i, static_cast<size_t>(n - 1));
    lp += impl_->chars.LogProb(seq.data() + i - ctx, ctx, seq[i]);
  }
  if (symbols) *symbols = seq.size() - 1;
  return lp;
}

}  // namespace emend
