// SPDX-License-Identifier: GPL-2.0
/*
 * kresv-extract: slice named functions (and everything of the same file they
 * use: static helpers, file-scope variables, macros, types) out of one kernel
 * source file into a host unit, with #line directives that point every
 * diagnostic, stack trace and coverage line back at the kernel file.
 *
 * libclang finds the extent of every top-level entity of the file, parsed
 * with the tree's own configuration; the closure is computed on identifier
 * tokens, so it does not depend on the kernel headers resolving on the host.
 * Nothing is rewritten: the unit is the kernel's own text. The one
 * exception is a function named by --stub: the closure stops there and the
 * unit declares it (without static) where its body was, for the harness
 * to define; setup_arch() calls setup_machine_fdt() that way. The facts
 * file says KRESV_STUB_name for it (KRESV_HAVE_name for an extracted one).
 *
 * Exit codes: 0 done, 1 usage, 2 file unreadable or unparsable,
 * 3 a requested root is not defined in the file under this configuration,
 * 4 the output could not be written.
 */
#include <clang-c/Index.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum entity_kind { ENT_FUNC, ENT_PROTO, ENT_VAR, ENT_MACRO, ENT_TYPE };

struct entity {
	char *name;
	enum entity_kind kind;
	unsigned start, end;	/* byte offsets into the file, end exclusive */
	unsigned line;
	unsigned nargs;
	bool external;		/* visible outside its file (not static) */
	bool selected;
	bool stub;		/* --stub: emitted as a declaration only */
};

struct extraction {
	const char *tree;
	const char *rel;
	char *path;
	char *text;
	size_t len;
	struct entity *ents;
	size_t nents, cap;
	/* names of enum constants, mapped to the entity of their enum */
	struct alias { char *name; size_t ent; } *aliases;
	size_t naliases, alias_cap;
	/* --stub: functions the harness defines in place of the file's own */
	char **stubs;
	size_t nstubs;
	CXTranslationUnit tu;
};

static void __attribute__((noreturn, format(printf, 2, 3)))
die(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("kresv-extract: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die(2, "out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		die(2, "out of memory");
	return d;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		die(2, "%s: %s", path, strerror(errno));
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		die(2, "%s: cannot determine size", path);
	buf = xrealloc(NULL, (size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		die(2, "%s: short read", path);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static bool in_main_file(CXCursor c)
{
	return clang_Location_isFromMainFile(clang_getCursorLocation(c)) ||
	       clang_Location_isFromMainFile(clang_getRangeStart(clang_getCursorExtent(c)));
}

static void offsets(CXSourceRange r, unsigned *start, unsigned *end,
		    unsigned *line)
{
	CXFile f;
	unsigned l, col;

	clang_getSpellingLocation(clang_getRangeStart(r), &f, line, &col, start);
	clang_getSpellingLocation(clang_getRangeEnd(r), &f, &l, &col, end);
}

/*
 * Declarations end at their ';', which the extent does not include. When a
 * macro libclang could not expand (an attribute such as __ro_after_init)
 * cut the extent short, the rest up to the ';' at nesting depth 0 still
 * belongs to the declaration.
 */
static unsigned extend_to_semicolon(const struct extraction *x, unsigned end)
{
	const char *t = x->text;
	unsigned i = end, depth = 0;

	while (i < x->len) {
		char c = t[i];

		if (c == '/' && i + 1 < x->len && t[i + 1] == '*') {
			const char *close = strstr(t + i + 2, "*/");

			i = close ? (unsigned)(close - t) + 2 : (unsigned)x->len;
			continue;
		}
		if (c == '"' || c == '\'') {
			for (i++; i < x->len && t[i] != c; i++)
				if (t[i] == '\\')
					i++;
		} else if (c == '{' || c == '(' || c == '[') {
			depth++;
		} else if ((c == '}' || c == ')' || c == ']') && depth) {
			depth--;
		} else if (c == ';' && !depth) {
			return i + 1;
		} else if (c == '}' || c == ')') {
			break;	/* the end of something enclosing: give up */
		}
		i++;
	}
	return end;
}

/*
 * A declaration libclang could not make sense of (an attribute macro from
 * a header it could not read, as u64 __cacheline_aligned boot_args[4])
 * comes without an extent: it is taken from the start of the line that
 * names it to its ';'.
 */
static void whole_lines_at_name(const struct extraction *x, CXCursor c,
				struct entity *e)
{
	CXFile f;
	unsigned col, at;

	clang_getSpellingLocation(clang_getCursorLocation(c), &f, &e->line,
				  &col, &at);
	e->start = at;
	while (e->start && x->text[e->start - 1] != '\n')
		e->start--;
	e->end = at;
}

static size_t add_entity(struct extraction *x, const char *name,
			 enum entity_kind kind, CXCursor c)
{
	struct entity *e;

	if (x->nents == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 256;
		x->ents = xrealloc(x->ents, x->cap * sizeof(*x->ents));
	}
	e = &x->ents[x->nents];
	memset(e, 0, sizeof(*e));
	e->name = xstrdup(name);
	e->kind = kind;
	offsets(clang_getCursorExtent(c), &e->start, &e->end, &e->line);
	if (e->end <= e->start)
		whole_lines_at_name(x, c, e);
	e->external = clang_getCursorLinkage(c) == CXLinkage_External;
	if (kind != ENT_FUNC && kind != ENT_MACRO)
		e->end = extend_to_semicolon(x, e->end);
	if (kind == ENT_FUNC || kind == ENT_PROTO) {
		int n = clang_Cursor_getNumArguments(c);

		e->nargs = n < 0 ? 0 : (unsigned)n;
	}
	return x->nents++;
}

static void add_alias(struct extraction *x, const char *name, size_t ent)
{
	if (x->naliases == x->alias_cap) {
		x->alias_cap = x->alias_cap ? 2 * x->alias_cap : 64;
		x->aliases = xrealloc(x->aliases,
				      x->alias_cap * sizeof(*x->aliases));
	}
	x->aliases[x->naliases].name = xstrdup(name);
	x->aliases[x->naliases].ent = ent;
	x->naliases++;
}

static enum CXChildVisitResult enum_constants(CXCursor c, CXCursor parent,
					      CXClientData data)
{
	struct extraction *x = data;
	size_t ent = x->nents - 1;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_EnumConstantDecl) {
		CXString s = clang_getCursorSpelling(c);

		add_alias(x, clang_getCString(s), ent);
		clang_disposeString(s);
	}
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult top_level(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct extraction *x = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXString s;
	const char *name;

	(void)parent;
	if (!in_main_file(c))
		return CXChildVisit_Continue;
	s = clang_getCursorSpelling(c);
	name = clang_getCString(s);
	switch (k) {
	case CXCursor_FunctionDecl:
		add_entity(x, name, clang_isCursorDefinition(c) ? ENT_FUNC :
				   ENT_PROTO, c);
		break;
	case CXCursor_VarDecl:
		add_entity(x, name, ENT_VAR, c);
		break;
	case CXCursor_MacroDefinition:
		add_entity(x, name, ENT_MACRO, c);
		break;
	case CXCursor_EnumDecl:
		add_entity(x, *name ? name : "(anonymous enum)", ENT_TYPE, c);
		clang_visitChildren(c, enum_constants, x);
		break;
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
	case CXCursor_TypedefDecl:
		if (clang_isCursorDefinition(c) || k == CXCursor_TypedefDecl)
			add_entity(x, name, ENT_TYPE, c);
		break;
	default:
		break;
	}
	clang_disposeString(s);
	return CXChildVisit_Continue;
}

static bool listed(const char *name, char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(list[i], name))
			return true;
	return false;
}

/*
 * mark every entity called NAME (and the enum owning a constant NAME); a
 * stubbed function is marked without its body's closure, and its forward
 * declarations are left out (the stub is declared where the body was)
 */
static void select_name(struct extraction *x, const char *name, size_t **work,
			size_t *nwork, size_t *wcap)
{
	size_t i;

	for (i = 0; i < x->nents + x->naliases; i++) {
		size_t ent;

		if (i < x->nents) {
			if (strcmp(x->ents[i].name, name))
				continue;
			ent = i;
		} else {
			if (strcmp(x->aliases[i - x->nents].name, name))
				continue;
			ent = x->aliases[i - x->nents].ent;
		}
		if (x->ents[ent].selected)
			continue;
		if (listed(x->ents[ent].name, x->stubs, x->nstubs) &&
		    (x->ents[ent].kind == ENT_FUNC ||
		     x->ents[ent].kind == ENT_PROTO)) {
			x->ents[ent].selected = x->ents[ent].kind == ENT_FUNC;
			x->ents[ent].stub = true;
			continue;
		}
		x->ents[ent].selected = true;
		if (*nwork == *wcap) {
			*wcap = *wcap ? 2 * *wcap : 64;
			*work = xrealloc(*work, *wcap * sizeof(**work));
		}
		(*work)[(*nwork)++] = ent;
	}
}

static void closure(struct extraction *x, char **roots, size_t nroots,
		    char **keep, size_t nkeep)
{
	size_t *work = NULL, nwork = 0, wcap = 0, i;
	CXFile file = clang_getFile(x->tu, x->path);

	for (i = 0; i < nroots; i++) {
		const char *name = roots[i];
		bool optional = name[0] == '?', found = false;
		size_t j;

		name += optional;
		for (j = 0; j < x->nents; j++)
			if (x->ents[j].kind == ENT_FUNC || x->ents[j].kind == ENT_VAR)
				found |= !strcmp(x->ents[j].name, name);
		if (!found && !optional)
			die(3, "%s/%s: '%s' is not defined there under this "
			    "configuration", x->tree, x->rel, name);
		select_name(x, name, &work, &nwork, &wcap);
	}
	for (i = 0; i < nkeep; i++)
		select_name(x, keep[i], &work, &nwork, &wcap);

	while (nwork) {
		struct entity *e = &x->ents[work[--nwork]];
		CXSourceRange r = clang_getRange(
			clang_getLocationForOffset(x->tu, file, e->start),
			clang_getLocationForOffset(x->tu, file, e->end));
		CXToken *toks;
		unsigned ntoks, t;

		clang_tokenize(x->tu, r, &toks, &ntoks);
		for (t = 0; t < ntoks; t++) {
			CXString s;

			if (clang_getTokenKind(toks[t]) != CXToken_Identifier)
				continue;
			s = clang_getTokenSpelling(x->tu, toks[t]);
			if (strcmp(clang_getCString(s), e->name))
				select_name(x, clang_getCString(s), &work,
					    &nwork, &wcap);
			clang_disposeString(s);
		}
		clang_disposeTokens(x->tu, toks, ntoks);
	}
	free(work);
}

static int by_start(const void *a, const void *b)
{
	const struct entity *ea = a, *eb = b;

	return ea->start < eb->start ? -1 : ea->start > eb->start;
}

/*
 * The head of a declaration: a function's text up to its body, a
 * variable's up to its initialiser, without trailing blanks.
 */
static unsigned head_len(const struct entity *e, const char *t)
{
	unsigned n, depth = 0;

	for (n = 0; e->start + n < e->end; n++) {
		char ch = t[n];

		if (ch == '(' || ch == '[')
			depth++;
		else if ((ch == ')' || ch == ']') && depth)
			depth--;
		else if (!depth && (ch == '{' || ch == '=' || ch == ';'))
			break;
	}
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n'))
		n--;
	return n;
}

/*
 * A stubbed function is declared where its body was, with external
 * linkage (its leading static and inline dropped), so that the harness's
 * definition of the same name is the one the unit calls.
 */
static void emit_stub_declaration(const struct entity *e, const char *t,
				  FILE *out)
{
	static const char *const drop[] = { "static", "inline",
					    "__always_inline" };
	unsigned n = head_len(e, t), i, w;

	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++) {
		w = (unsigned)strlen(drop[i]);
		if (n > w && !strncmp(t, drop[i], w) &&
		    (t[w] == ' ' || t[w] == '\t' || t[w] == '\n')) {
			t += w + 1;
			n -= w + 1;
			i = (unsigned)-1;	/* again from the first word */
		}
	}
	fprintf(out, "%.*s;\n", (int)n, t);
}

/*
 * A watched variable (--watch) keeps its definition as written; after it,
 * every use in the unit goes through the harness's accessor
 * KRESV_WATCHED_<name>, which the shim defines.
 */
static void emit(struct extraction *x, FILE *out, char **preludes,
		 size_t npreludes, char **includes, size_t nincludes,
		 char **watch, size_t nwatch)
{
	unsigned done = 0;
	size_t i;

	fprintf(out, "/* Generated by kresv-extract from %s/%s; do not edit. */\n",
		x->tree, x->rel);
	for (i = 0; i < npreludes; i++)
		fprintf(out, "#include \"%s\"\n", preludes[i]);
	for (i = 0; i < nincludes; i++)
		fprintf(out, "#include \"%s/%s\"\n", x->tree, includes[i]);
	qsort(x->ents, x->nents, sizeof(*x->ents), by_start);
	for (i = 0; i < x->nents; i++) {
		struct entity *e = &x->ents[i];

		if (!e->selected || e->end <= done)
			continue;
		if (e->start < done)	/* nested in an emitted entity */
			continue;
		fputc('\n', out);
		if (e->kind == ENT_MACRO ||	/* the unit's own value wins */
		    (e->kind == ENT_VAR && listed(e->name, watch, nwatch)))
			fprintf(out, "#undef %s\n", e->name);
		fprintf(out, "#line %u \"%s\"\n", e->line, x->path);
		if (e->kind == ENT_MACRO)
			fputs("#define ", out);
		if (e->stub) {
			emit_stub_declaration(e, x->text + e->start, out);
			done = e->end;
			continue;
		}
		fwrite(x->text + e->start, 1, e->end - e->start, out);
		fputc('\n', out);
		if (e->kind == ENT_VAR && listed(e->name, watch, nwatch))
			fprintf(out, "#define %s KRESV_WATCHED_%s\n", e->name,
				e->name);
		done = e->end;
	}
}

/*
 * The declarations other units and the harness need, taken from the tree's
 * own text: a function's head up to its body, a variable's declaration up
 * to its initialiser, as extern. Static entities, arrays (their element
 * types and sizes belong to headers the tree declares them in) and watched
 * variables (whose name the shim turns into an accessor) are left out.
 */
static void emit_protos(struct extraction *x, FILE *out, char **watch,
			size_t nwatch)
{
	size_t i;

	fputs("#include <linux/types.h>\n#include <linux/compiler.h>\n", out);
	for (i = 0; i < x->nents; i++) {
		struct entity *e = &x->ents[i];
		const char *t = x->text + e->start;
		unsigned n;

		if (!e->selected || !e->external ||
		    (e->kind != ENT_FUNC && e->kind != ENT_VAR) ||
		    listed(e->name, watch, nwatch))
			continue;
		n = head_len(e, t);
		if (e->kind == ENT_FUNC) {
			fprintf(out, "%.*s;\n", (int)n, t);
			continue;
		}
		if (memchr(t, '[', n))
			continue;
		fprintf(out, "%s%.*s;\n", strncmp(t, "extern", 6) ? "extern " : "",
			(int)n, t);
	}
}

static void emit_facts(struct extraction *x, FILE *out)
{
	size_t i;

	fprintf(out, "#ifndef KRESV_TREE_ROOT\n#define KRESV_TREE_ROOT \"%s\"\n#endif\n",
		x->tree);
	for (i = 0; i < x->nents; i++) {
		struct entity *e = &x->ents[i];

		if (!e->selected || e->kind != ENT_FUNC)
			continue;
		if (e->stub) {	/* the harness defines it, with these args */
			fprintf(out, "#define KRESV_STUB_%s 1\n", e->name);
			fprintf(out, "#define KRESV_NARGS_%s %u\n", e->name,
				e->nargs);
			continue;
		}
		fprintf(out, "#define KRESV_HAVE_%s 1\n", e->name);
		fprintf(out, "#define KRESV_NARGS_%s %u\n", e->name, e->nargs);
		fprintf(out, "#define KRESV_LOC_%s \"%s:%u\"\n", e->name,
			x->rel, e->line);
	}
}

static void usage(void)
{
	fputs("usage: kresv-extract --tree DIR --file REL --config-h FILE\n"
	      "         [--prelude PATH]... [--include REL]... [--keep NAME]...\n"
	      "         [--watch VAR]... [--stub FUNC]...\n"
	      "         [--facts OUT.h] [--protos OUT.h] -o OUT.c ROOT...\n"
	      "         (?ROOT: optional)\n", stderr);
	exit(1);
}

/* write to OUT.tmp, then rename: a failed run never leaves half a unit */
static FILE *open_tmp(const char *out, char **tmp)
{
	FILE *f;

	*tmp = xrealloc(NULL, strlen(out) + 16);
	sprintf(*tmp, "%s.tmp.%d", out, (int)getpid());
	f = fopen(*tmp, "w");
	if (!f)
		die(4, "%s: %s", *tmp, strerror(errno));
	return f;
}

static void commit_tmp(FILE *f, const char *tmp, const char *out)
{
	if (fflush(f) || ferror(f) || fclose(f)) {
		unlink(tmp);
		die(4, "%s: write failed: %s", out, strerror(errno));
	}
	if (rename(tmp, out)) {
		unlink(tmp);
		die(4, "%s: %s", out, strerror(errno));
	}
}

int main(int argc, char **argv)
{
	struct extraction x = { 0 };
	const char *config_h = NULL, *out = NULL, *facts = NULL, *protos = NULL;
	char **roots = NULL, **keep = NULL, **includes = NULL, **preludes = NULL;
	char **watch = NULL;
	size_t nroots = 0, nkeep = 0, nincludes = 0, npreludes = 0, nwatch = 0;
	const char *args[32];
	char inc[6][4096], *tmp;
	int nargs = 0, i;
	CXIndex index;
	enum CXErrorCode err;
	FILE *f;

	roots = xrealloc(NULL, sizeof(char *) * (size_t)argc);
	keep = xrealloc(NULL, sizeof(char *) * (size_t)argc);
	includes = xrealloc(NULL, sizeof(char *) * (size_t)argc);
	preludes = xrealloc(NULL, sizeof(char *) * (size_t)argc);
	watch = xrealloc(NULL, sizeof(char *) * (size_t)argc);
	x.stubs = xrealloc(NULL, sizeof(char *) * (size_t)argc);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--tree") && i + 1 < argc)
			x.tree = argv[++i];
		else if (!strcmp(a, "--file") && i + 1 < argc)
			x.rel = argv[++i];
		else if (!strcmp(a, "--config-h") && i + 1 < argc)
			config_h = argv[++i];
		else if (!strcmp(a, "--prelude") && i + 1 < argc)
			preludes[npreludes++] = argv[++i];
		else if (!strcmp(a, "--include") && i + 1 < argc)
			includes[nincludes++] = argv[++i];
		else if (!strcmp(a, "--watch") && i + 1 < argc)
			watch[nwatch++] = argv[++i];
		else if (!strcmp(a, "--stub") && i + 1 < argc)
			x.stubs[x.nstubs++] = argv[++i];
		else if (!strcmp(a, "--keep") && i + 1 < argc)
			keep[nkeep++] = argv[++i];
		else if (!strcmp(a, "--facts") && i + 1 < argc)
			facts = argv[++i];
		else if (!strcmp(a, "--protos") && i + 1 < argc)
			protos = argv[++i];
		else if (!strcmp(a, "-o") && i + 1 < argc)
			out = argv[++i];
		else if (a[0] == '-')
			usage();
		else
			roots[nroots++] = argv[i];
	}
	if (!x.tree || !x.rel || !config_h || !out || !nroots)
		usage();

	x.path = xrealloc(NULL, strlen(x.tree) + strlen(x.rel) + 2);
	sprintf(x.path, "%s/%s", x.tree, x.rel);
	x.text = read_file(x.path, &x.len);

	snprintf(inc[0], sizeof(inc[0]), "-I%s/arch/arm64/include", x.tree);
	snprintf(inc[1], sizeof(inc[1]), "-I%s/arch/arm64/include/uapi", x.tree);
	snprintf(inc[2], sizeof(inc[2]), "-I%s/include", x.tree);
	snprintf(inc[3], sizeof(inc[3]), "-I%s/include/uapi", x.tree);
	snprintf(inc[4], sizeof(inc[4]), "-I%s/%s", x.tree, x.rel);
	*strrchr(inc[4], '/') = '\0';	/* the file's own directory */
	args[nargs++] = "-target";
	args[nargs++] = "aarch64-linux-gnu";
	args[nargs++] = "-nostdinc";
	args[nargs++] = "-std=gnu11";
	args[nargs++] = "-D__KERNEL__";
	args[nargs++] = "-ferror-limit=0";
	for (i = 0; i < 5; i++)
		args[nargs++] = inc[i];
	args[nargs++] = "-include";
	args[nargs++] = config_h;

	index = clang_createIndex(0, 0);
	err = clang_parseTranslationUnit2(
		index, x.path, args, nargs, NULL, 0,
		CXTranslationUnit_DetailedPreprocessingRecord |
		CXTranslationUnit_KeepGoing | CXTranslationUnit_Incomplete,
		&x.tu);
	if (err != CXError_Success || !x.tu)
		die(2, "%s: libclang could not parse it (error %d)", x.path, err);
	clang_visitChildren(clang_getTranslationUnitCursor(x.tu), top_level, &x);
	closure(&x, roots, nroots, keep, nkeep);

	if (facts) {
		f = open_tmp(facts, &tmp);
		emit_facts(&x, f);
		commit_tmp(f, tmp, facts);
		free(tmp);
	}
	if (protos) {
		f = open_tmp(protos, &tmp);
		emit_protos(&x, f, watch, nwatch);
		commit_tmp(f, tmp, protos);
		free(tmp);
	}
	f = open_tmp(out, &tmp);
	emit(&x, f, preludes, npreludes, includes, nincludes, watch, nwatch);
	commit_tmp(f, tmp, out);
	free(tmp);

	clang_disposeTranslationUnit(x.tu);
	clang_disposeIndex(index);
	for (size_t k = 0; k < x.nents; k++)
		free(x.ents[k].name);
	for (size_t k = 0; k < x.naliases; k++)
		free(x.aliases[k].name);
	free(x.ents);
	free(x.aliases);
	free(x.text);
	free(x.path);
	free(roots);
	free(keep);
	free(includes);
	free(preludes);
	free(watch);
	free(x.stubs);
	return 0;
}
