// emend fix: the stdin -> stdout repair filter, and batch runs over files.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "cli/common.h"
#include "emend/log.h"
#include "emend/tei.h"
#include "io/chunker.h"
#include "io/json_text.h"
#include "io/jsonl.h"
#include "util/hash.h"

namespace emend::cli {
namespace fs = std::filesystem;

namespace {

struct FixArgs {
  std::vector<std::string> inputs{"-"};
  std::string output = "-", out_dir, field = "text", offsets = "bytes", wordlist, model, normalize;
  bool json = false, jsonl = false, tei = false, explain = false, verbose = false;
  bool no_case = false, no_spacing = false, no_hyphenation = false, no_encoding = false;
  bool normalize_spaces = false;
  bool no_correct = false, no_real_word = false, suggest = false, no_gaps = false;
  std::string mark_gaps;  // "" = off
  double gap_confidence = 0.5;
  double aggressiveness = 0.5;
  std::string lexicon;
  std::vector<std::string> protect;
  int threads = 1;
};

FixArgs g_fix;

// The lacuna detector's tuning hooks (docs/lacunae.md, "How the weights
// were set, and on what"), from the environment: EMEND_GAP_WEIGHTS=
// "w1,w2,..." and EMEND_GAP_DEBUG (features to stderr, one whole line at a
// time).
void SetGapTuning(FixOptions* o) {
  if (const char* e = std::getenv("EMEND_GAP_WEIGHTS")) {
    for (const char* p = e;;) {
      char* q;
      const double v = std::strtod(p, &q);
      if (q == p) break;
      o->gap_weights.push_back(v);
      p = q + (*q == ',');
    }
  }
  if (std::getenv("EMEND_GAP_DEBUG")) {
    o->gap_trace = [](const std::string& line) {
      static std::mutex mu;
      std::lock_guard<std::mutex> lock(mu);
      std::fputs(line.c_str(), stderr);
    };
  }
}

StatusOr<FixOptions> MakeOptions(const FixArgs& a) {
  FixOptions o;
  SetGapTuning(&o);
  o.fix_case = !a.no_case;
  o.fix_spacing = !a.no_spacing;
  o.fix_hyphenation = !a.no_hyphenation;
  o.fix_encoding = !a.no_encoding;
  o.normalize_spaces = a.normalize_spaces;
  o.correct = !a.no_correct;
  o.real_word = !a.no_real_word;
  o.suggest = a.suggest;
  o.detect_gaps = !a.no_gaps;
  o.gap_marker = a.mark_gaps;
  o.gap_confidence = a.gap_confidence;
  o.aggressiveness = a.aggressiveness;
  std::string_view n = a.normalize;
  while (!n.empty()) {
    std::string_view item = n.substr(0, n.find(','));
    if (item == "long-s") o.normalize |= kNormLongS;
    else if (item == "ligatures") o.normalize |= kNormLigatures;
    else return Status::InvalidArgument("--normalize takes long-s,ligatures; not '" + std::string(item) + "'");
    n.remove_prefix(std::min(n.size(), item.size() + 1));
  }
  return o;
}

std::string OptionsJson(const FixOptions& o) {
  io::json j = {{"case", o.fix_case}, {"spacing", o.fix_spacing}, {"hyphenation", o.fix_hyphenation},
                {"encoding", o.fix_encoding}, {"normalize", o.normalize},
                {"normalize_spaces", o.normalize_spaces}, {"correct", o.correct},
                {"aggressiveness", o.aggressiveness}, {"real_word", o.real_word}, {"suggest", o.suggest},
                {"gaps", o.detect_gaps}, {"gap_marker", o.gap_marker}, {"gap_confidence", o.gap_confidence}};
  return j.dump();
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '"') out += "\\\"";
    else out.push_back(c);
  }
  return out;
}

std::string ExplainLine(const Edit& e) {
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.2f", e.confidence);
  return std::to_string(e.start) + ":" + std::to_string(e.end) + " " + EditKindsToString(e.kinds) +
         "  \"" + Escape(io::ReplaceInvalid(e.before)) + "\" -> \"" + Escape(io::ReplaceInvalid(e.after)) +
         "\"  " + conf + "  " + e.note + " [" + e.rule + "]\n";
}

// Fixes chunks of `in` with up to `threads` threads, calling `emit` in input
// order with each chunk, its result and its offset in the stream. Workers
// take the next chunk as soon as they are free (chunks differ in cost), and
// stay at most 2 x threads chunks ahead of the output.
Status FixStream(const Engine& engine, const FixOptions& opt, std::FILE* in, int threads,
                 const std::function<Status(const std::string&, FixResult&, uint64_t)>& emit) {
  struct Slot {
    std::string chunk;
    FixResult result;
    bool done = false;
  };
  io::ChunkReader reader(in);
  std::mutex mu;
  std::condition_variable cv;
  std::map<size_t, Slot> slots;  // read but not yet emitted
  size_t next_read = 0, next_emit = 0;
  bool eof = false;
  Status status = Status::Ok();
  const size_t window = 2 * static_cast<size_t>(std::max(threads, 1));
  auto work = [&] {
    std::unique_lock<std::mutex> lock(mu);
    for (;;) {
      cv.wait(lock, [&] { return eof || !status.ok() || next_read < next_emit + window; });
      if (eof || !status.ok()) return;
      std::string chunk;
      StatusOr<bool> got = reader.Next(&chunk);  // under the lock: the stream is read in order
      if (!got.ok() || !*got) {
        if (!got.ok()) status = got.status();
        eof = true;
        cv.notify_all();
        return;
      }
      const size_t i = next_read++;
      Slot& slot = slots[i];  // map nodes stay put while others are added
      slot.chunk = std::move(chunk);
      lock.unlock();
      FixResult r = engine.Fix(slot.chunk, opt);
      lock.lock();
      slot.result = std::move(r);
      slot.done = true;
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < std::max(threads, 1); ++t) pool.emplace_back(work);
  uint64_t offset = 0;
  std::unique_lock<std::mutex> lock(mu);
  for (;;) {
    cv.wait(lock, [&] { return (slots.count(next_emit) && slots[next_emit].done) || (eof && next_emit == next_read); });
    if (!slots.count(next_emit)) break;  // all read chunks emitted and the stream is done
    Slot slot = std::move(slots[next_emit]);
    slots.erase(next_emit++);
    cv.notify_all();
    lock.unlock();
    Status s = emit(slot.chunk, slot.result, offset);
    offset += slot.chunk.size();
    lock.lock();
    if (!s.ok()) {
      status = s;
      cv.notify_all();
      break;
    }
  }
  lock.unlock();
  for (auto& t : pool) t.join();
  return status;
}

void ShiftEdits(std::vector<Edit>* edits, uint64_t by) {
  for (Edit& e : *edits) { e.start += by; e.end += by; }
}

void ReportVerbose(const std::string& name, const FixStats& s) {
  std::fprintf(stderr, "emend: %s: %llu bytes, %llu words, %llu edits", name.c_str(),
               (unsigned long long)s.bytes_in, (unsigned long long)s.words, (unsigned long long)s.edits);
  for (int k = 0; k < kNumEditKinds; ++k)
    if (s.by_kind[k]) std::fprintf(stderr, ", %s %llu", EditKindName(EditKind(1u << k)), (unsigned long long)s.by_kind[k]);
  std::fprintf(stderr, "\n");
  if (s.invalid_utf8)
    std::fprintf(stderr, "emend: %s: %llu invalid UTF-8 sequence(s), first at byte %lld, passed through unchanged\n",
                 name.c_str(), (unsigned long long)s.invalid_utf8, (long long)s.first_invalid_offset);
}

// "start:end token -> alt (p), alt (p)" for --suggest.
std::string SuggestLine(const Suggestion& g) {
  std::string line = std::to_string(g.start) + ":" + std::to_string(g.end) + " \"" + Escape(g.token) + "\" ->";
  for (size_t i = 0; i < g.alternatives.size(); ++i) {
    char p[32];
    std::snprintf(p, sizeof p, " (%.3f)", g.alternatives[i].probability);
    line += (i ? ", \"" : " \"") + Escape(g.alternatives[i].text) + "\"" + p;
  }
  return line + "\n";
}

Status Write(std::FILE* f, std::string_view data) {
  return std::fwrite(data.data(), 1, data.size(), f) == data.size() ? Status::Ok()
                                                                     : Status::IOError("write failed");
}

// Text, --json or --explain output of one input stream to `sink`. Text and
// --explain stream chunk by chunk (bounded memory); --json holds the document.
Status FixTextOrJson(const Engine& engine, const FixOptions& opt, const FixArgs& a, std::FILE* in,
                     std::FILE* sink, FixStats* stats, const std::string& name) {
  FixResult all;
  util::Hasher in_hash;
  std::string input;  // kept for --tei only
  const bool whole = a.json || a.tei;
  Status s = FixStream(engine, opt, in, a.threads, [&](const std::string& chunk, FixResult& r, uint64_t off) {
    in_hash.Update(chunk);
    if (a.tei) input += chunk;
    ShiftEdits(&r.edits, off);
    for (Suggestion& g : r.suggestions) { g.start += off; g.end += off; }
    all.stats.Add(r.stats);
    if (a.suggest && !whole) {
      std::string lines;
      for (const Suggestion& g : r.suggestions) lines += SuggestLine(g);
      return Write(sink, lines);
    }
    if (a.explain) {
      std::string explain;
      for (const Edit& e : r.edits) explain += ExplainLine(e);
      return Write(sink, explain);
    }
    if (!whole) return Write(sink, r.text);
    all.text += r.text;
    all.edits.insert(all.edits.end(), std::make_move_iterator(r.edits.begin()),
                     std::make_move_iterator(r.edits.end()));
    all.suggestions.insert(all.suggestions.end(), r.suggestions.begin(), r.suggestions.end());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  *stats = all.stats;
  if (!whole || a.explain) return Status::Ok();  // (--suggest without --json streamed above)
  if (a.tei) {
    TeiOptions to;
    to.source = name == "-" ? "standard input" : name;
    to.title = name == "-" ? "Restored text" : fs::path(name).filename().string();
    to.model_id = engine.ModelId();
    return Write(sink, ToTei(input, all, to));
  }
  EditLog log;
  log.emend_version = Version();
  log.model = engine.ModelId();
  log.options_json = OptionsJson(opt);
  log.input_bytes = all.stats.bytes_in;
  log.input_hash = in_hash.Digest();
  log.output_bytes = all.text.size();
  log.output_hash = util::Hash64(all.text);
  log.edits = std::move(all.edits);
  return Write(sink, SerializeFixJson(log, all) + "\n");
}

struct JsonlCounts { uint64_t fixed = 0, malformed = 0, no_field = 0, blank = 0; };

Status FixJsonl(const Engine& engine, const FixOptions& opt, const FixArgs& a, std::FILE* in,
                std::FILE* out, FixStats* stats, JsonlCounts* counts) {
  io::JsonlOptions jo;
  jo.field = a.field;
  jo.codepoint_offsets = a.offsets == "codepoints";
  std::string pending;
  char buf[1 << 16];
  bool eof = false;
  while (!eof) {
    // Gather a batch of whole lines (about 4 MiB).
    while (pending.size() < (4u << 20)) {
      size_t n = std::fread(buf, 1, sizeof buf, in);
      if (n == 0) { eof = true; break; }
      pending.append(buf, n);
    }
    if (std::ferror(in)) return Status::IOError("read failed");
    size_t cut = eof ? pending.size() : pending.rfind('\n');
    if (cut == std::string::npos) continue;  // one line longer than the batch: read on
    if (!eof) ++cut;
    std::string_view batch(pending.data(), cut);
    std::vector<std::string_view> lines;
    for (size_t p = 0; p < batch.size();) {
      size_t nl = batch.find('\n', p);
      size_t e = nl == std::string_view::npos ? batch.size() : nl;
      lines.push_back(batch.substr(p, e - p));
      p = e + 1;
    }
    bool trailing_nl = !batch.empty() && batch.back() == '\n';
    int nt = std::max(1, std::min<int>(a.threads, static_cast<int>(lines.size())));
    std::vector<std::string> outs(nt);
    std::vector<FixStats> st(nt);
    std::vector<JsonlCounts> cs(nt);
    auto work = [&](int t) {
      size_t lo = lines.size() * t / nt, hi = lines.size() * (t + 1) / nt;
      for (size_t i = lo; i < hi; ++i) {
        io::LineOutcome o = io::FixJsonlLine(engine, opt, jo, lines[i], &outs[t], &st[t]);
        cs[t].fixed += o == io::LineOutcome::kFixed;
        cs[t].malformed += o == io::LineOutcome::kMalformed;
        cs[t].no_field += o == io::LineOutcome::kNoField;
        cs[t].blank += o == io::LineOutcome::kBlank;
        if (i + 1 < lines.size() || trailing_nl) outs[t].push_back('\n');
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < nt; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    for (int t = 0; t < nt; ++t) {
      if (std::fwrite(outs[t].data(), 1, outs[t].size(), out) != outs[t].size())
        return Status::IOError("write failed");
      stats->Add(st[t]);
      counts->fixed += cs[t].fixed; counts->malformed += cs[t].malformed;
      counts->no_field += cs[t].no_field; counts->blank += cs[t].blank;
    }
    pending.erase(0, cut);
  }
  return std::fflush(out) == 0 ? Status::Ok() : Status::IOError("write failed");
}

// Every regular file under the inputs (directories recursively, sorted),
// with the path its output takes under --out.
std::vector<std::pair<std::string, std::string>> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::pair<std::string, std::string>> found;
      for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file()) found.emplace_back(it->path().string(), fs::relative(it->path(), in).string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.emplace_back(in, in == "-" ? "stdin" : fs::path(in).filename().string());
    }
  }
  return files;
}

Status FixOne(const Engine& engine, const FixOptions& opt, const FixArgs& a, const std::string& in_path,
              const std::string& out_path, FixStats* stats, JsonlCounts* counts) {
  std::FILE* in = in_path == "-" ? stdin : std::fopen(in_path.c_str(), "rb");
  if (!in) return Status::NotFound(in_path + ": " + std::strerror(errno));
  // Files are written to a temporary name and renamed when complete.
  const bool direct = out_path == "-" || IsSpecialFile(out_path);
  std::string tmp = direct ? out_path : out_path + ".tmp";
  std::FILE* out = out_path == "-" ? stdout : std::fopen(tmp.c_str(), "wb");
  Status s;
  if (!out) s = Status::IOError(out_path + ": cannot write");
  else if (a.jsonl) s = FixJsonl(engine, opt, a, in, out, stats, counts);
  else s = FixTextOrJson(engine, opt, a, in, out, stats, in_path);
  if (out && std::fflush(out) != 0 && s.ok()) s = Status::IOError(out_path + ": write failed");
  if (out && out != stdout) {
    if (std::fclose(out) != 0 && s.ok()) s = Status::IOError(out_path + ": write failed");
    std::error_code ec;
    if (!direct && s.ok()) fs::rename(tmp, out_path, ec);
    else if (!direct) fs::remove(tmp, ec);
  }
  if (in != stdin) std::fclose(in);
  if (!s.ok()) return Status(s.code(), in_path + ": " + s.message());
  return s;
}

int RunFix() {
  const FixArgs& a = g_fix;
  StatusOr<FixOptions> opt = MakeOptions(a);
  if (!opt.ok()) { std::fprintf(stderr, "emend: %s\n", opt.status().message().c_str()); return kExitUsage; }
  if (a.json + a.jsonl + a.tei > 1) {
    std::fprintf(stderr, "emend: --json, --jsonl and --tei exclude each other\n");
    return kExitUsage;
  }
  auto files = ExpandInputs(a.inputs);
  if (files.size() != 1 && a.out_dir.empty()) {
    std::fprintf(stderr, "emend: several inputs need --out DIR\n");
    return kExitUsage;
  }
  EngineOptions eo;
  eo.lexicon_path = ResolveWordlist(a.wordlist);
  eo.model_path = ResolveModel(a.model);
  eo.user_lexicon_path = a.lexicon;
  eo.protect = a.protect;
  auto engine = Engine::Create(eo);
  if (!engine.ok()) return Fail(engine.status());
  if (a.verbose) std::fprintf(stderr, "emend: using %s\n", (*engine)->ModelId().c_str());
  FixStats total;
  JsonlCounts counts;
  int failed = 0;
  for (const auto& [in, rel] : files) {
    std::string out = a.output;
    if (!a.out_dir.empty()) {
      fs::path p = fs::path(a.out_dir) / (rel + (a.json ? ".json" : a.tei ? ".xml" : ""));
      std::error_code ec;
      fs::create_directories(p.parent_path(), ec);
      out = p.string();
    }
    FixStats st;
    Status s = FixOne(**engine, *opt, a, in, out, &st, &counts);
    if (!s.ok()) { Fail(s); ++failed; continue; }
    if (a.verbose) ReportVerbose(in, st);
    else if (st.invalid_utf8 && !a.json)
      std::fprintf(stderr, "emend: %s: %llu invalid UTF-8 sequence(s) passed through (first at byte %lld)\n",
                   in.c_str(), (unsigned long long)st.invalid_utf8, (long long)st.first_invalid_offset);
    total.Add(st);
  }
  if (a.jsonl && (counts.malformed || counts.no_field || a.verbose))
    std::fprintf(stderr, "emend: jsonl: %llu fixed, %llu malformed and %llu without field '%s' passed through unchanged\n",
                 (unsigned long long)counts.fixed, (unsigned long long)counts.malformed,
                 (unsigned long long)counts.no_field, a.field.c_str());
  if (!a.out_dir.empty()) {
    io::json sum = {{"inputs", files.size()}, {"failed", failed}, {"bytes_in", total.bytes_in},
                    {"words", total.words}, {"edits", total.edits}, {"invalid_utf8", total.invalid_utf8}};
    WriteFile((fs::path(a.out_dir) / "emend-summary.json").string(), sum.dump(1) + "\n");
    std::fprintf(stderr, "emend: %zu inputs, %d failed, %llu words, %llu edits\n", files.size(), failed,
                 (unsigned long long)total.words, (unsigned long long)total.edits);
  }
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddFixCommand(CLI::App& app, std::function<int()>* run) {
  FixArgs& a = g_fix;
  CLI::App* c = app.add_subcommand("fix", "Repair text: a stdin -> stdout filter, or files with --out DIR");
  c->add_option("inputs", a.inputs, "Input files or directories; '-' (default) is standard input");
  c->add_option("-o,--output", a.output, "Output file for a single input (default '-': standard output)");
  c->add_option("--out", a.out_dir, "Directory for one output per input plus emend-summary.json");
  c->add_flag("--json", a.json, "Write {text, edits, stats} with the edit log (docs/edits.md)");
  c->add_flag("--tei", a.tei, "Write a TEI P5 document: corrections as choice/sic/corr, normalisations as "
                             "choice/orig/reg, lacunae as gap (docs/tei.md)");
  c->add_flag("--jsonl", a.jsonl, "Input and output are JSON Lines; edits go under the key \"emend\"");
  c->add_option("--field", a.field, "JSONL: the string field to repair (default: text)");
  c->add_option("--offsets", a.offsets, "JSONL edit offsets: bytes (default) or codepoints of the field")
      ->check(CLI::IsMember({"bytes", "codepoints"}));
  c->add_flag("--explain", a.explain, "Print each edit readably instead of the text");
  c->add_flag("-v,--verbose", a.verbose, "Report counts and invalid UTF-8 on stderr");
  c->add_option("--threads", a.threads, "Worker threads (default 1); output is identical for any value")
      ->check(CLI::Range(1, 256));
  c->add_flag("--no-case", a.no_case, "Do not repair caps-lock inversion");
  c->add_flag("--no-spacing", a.no_spacing, "Do not repair spacing around punctuation");
  c->add_flag("--no-hyphenation", a.no_hyphenation, "Do not rejoin words hyphenated at line ends");
  c->add_flag("--no-encoding", a.no_encoding, "Do not repair mojibake and HTML entities");
  c->add_option("--normalize", a.normalize, "Opt-in normalisations, comma-separated: long-s,ligatures");
  c->add_flag("--normalize-spaces", a.normalize_spaces, "Collapse runs of spaces inside lines");
  c->add_option("--wordlist", a.wordlist,
                "Case lexicon word list (default $EMEND_WORDLIST or /usr/share/dict/words; 'none' for none)");
  c->add_flag("--no-correct", a.no_correct, "Do not correct words (OCR misreads, splits, merges, real-word errors)");
  c->add_flag("--no-gaps", a.no_gaps, "Do not look for lacunae (lost numerals, quotations, parentheses)");
  c->add_option("--mark-gaps", a.mark_gaps,
                "Insert MARKER where a lacuna is found (default marker when given without a value: [...])")
      ->expected(0, 1)
      ->default_str("[…]");
  c->add_option("--gap-confidence", a.gap_confidence, "Report gaps at least this likely (default 0.5)");
  c->add_flag("--no-real-word", a.no_real_word, "Correct only non-words, never a known word in context");
  c->add_option("--aggressiveness", a.aggressiveness,
                "0..1 (default 0.5): how sure a correction must be; posterior needed = 0.99 - 0.49 x this")
      ->check(CLI::Range(0.0, 1.0));
  c->add_flag("--suggest", a.suggest,
              "Change nothing in the words: list each suspect token with its best alternatives and probabilities "
              "(lines 'start:end \"token\" -> \"alt\" (p), ...'; with --json under \"suggestions\")");
  c->add_option("--lexicon", a.lexicon, "File of the collection's own words (one per line): never corrected");
  c->add_option("--protect", a.protect, "Regular expression (ECMAScript, whole token): matching tokens are never corrected; repeatable");
  c->add_option("--model", a.model,
                "Language model (default $EMEND_MODEL, then the installed en.emlm; 'none' for none)");
  *run = RunFix;
  c->callback([] {});
}

}  // namespace emend::cli
