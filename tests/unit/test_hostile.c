/*
 * test_hostile.c — hostile input through the core's API (carenet.h): inputs
 * too large or too deep to keep as golden cases, generated here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "carenet.h"
#include "fmt_command.h"
#include "mem.h"
#include "utf8.h"

static const CarenetOptions options = { .today = 20453 }; /* 2025-12-31 */

/* The diagnostics of a run, as text. */
static const char *diagnostics(const Carenet *c)
{
	StrBuf out = { 0 };
	buf_init(&out);
	carenet_write_diagnostics(c, FORMAT_TEXT, false, &out);
	return out.data;
}

static size_t occurrences(const char *text, const char *word)
{
	size_t n = 0;
	for (const char *p = text; (p = strstr(p, word)); p += strlen(word))
		n++;
	return n;
}

/* A fresh directory for generated files; removed by the caller with rm -r. */
static const char *temp_dir(void)
{
	char *dir = mem_strdup("/tmp/carenet-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return dir;
}

static void remove_dir(const char *dir)
{
	assert_int_equal(system(mem_printf("rm -rf '%s'", dir)), 0);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A chain of 30,000 files, each importing the next: refused past the
   import depth limit (E108), once, without a crash. */
static void import_chain(void **state)
{
	(void)state;
	const char *dir = temp_dir();
	enum { FILES = 30000 };
	for (int i = 0; i < FILES; i++)
		write_file(mem_printf("%s/f%d.care", dir, i),
			   i + 1 < FILES ? mem_printf("import \"./f%d.care\"\ngroup g%d\n", i + 1, i)
					 : "group last\n");
	Carenet *c = carenet_new(&options);
	assert_true(carenet_load_prelude(c));
	assert_true(carenet_load_file(c, mem_printf("%s/f0.care", dir)));
	carenet_evaluate(c);
	const char *text = diagnostics(c);
	assert_int_equal(occurrences(text, "[E108]"), 1);
	assert_non_null(strstr(text, "imports nest more than 64 files deep"));
	assert_int_equal(carenet_counts(c).errors, 1);
	remove_dir(dir);
}

/* Text of `count` lines made by `line` from each number. */
static const char *lines(int count, const char *(*line)(int))
{
	StrBuf b = { 0 };
	buf_init(&b);
	for (int i = 0; i < count; i++)
		buf_puts(&b, line(i));
	return b.data;
}

static Carenet *run_text(const char *text)
{
	Carenet *c = carenet_new(&options);
	assert_true(carenet_load_prelude(c));
	carenet_load_text(c, "hostile.care", text, strlen(text));
	carenet_evaluate(c);
	return c;
}

enum { DEEP = 400000 };

/* b0 has b1 as its member, ..., the last has the municipality. */
static const char *member_body(int i)
{
	return i + 1 == DEEP ? mem_printf("municipality m \"M\"\nbody b%d { kind primary_care_zone\n members m }\n", i)
			     : mem_printf("body b%d { kind primary_care_zone\n members b%d }\n", i, i + 1);
}

/* Bodies whose members are bodies, 400,000 deep: collected without
   recursion, each with the one municipality at the bottom. */
static void deep_member_bodies(void **state)
{
	(void)state;
	Carenet *c = run_text(lines(DEEP, member_body));
	assert_int_equal(carenet_counts(c).errors, 0);
}

static const char *reverse_let(int i)
{
	return i + 1 < 50000 ? mem_printf("let v%d = v%d + 1\n", i, i + 1) : mem_printf("let v%d = 1\n", i);
}

/* 50,000 lets, each on the next: past the depth limit, one E108, no crash. */
static void let_chain(void **state)
{
	(void)state;
	Carenet *c = run_text(lines(50000, reverse_let));
	const char *text = diagnostics(c);
	assert_int_equal(occurrences(text, "[E108]"), 1);
	assert_non_null(strstr(text, "values here depend on each other more than 4000 steps deep"));
}

static const char *idle_actor(int i)
{
	return i < 250 ? mem_printf("actor x%d \"X\"\n", i) : "let y = nope\n";
}

/* 250 warnings, then an error: the 200 kept are the error and 199 warnings. */
static void errors_kept_first(void **state)
{
	(void)state;
	Carenet *c = run_text(lines(251, idle_actor));
	const char *text = diagnostics(c);
	assert_int_equal(occurrences(text, "[E401]"), 1);
	assert_int_equal(occurrences(text, "[W901]"), 199);
	assert_non_null(strstr(text, "51 more diagnostics not shown"));
}

/* JSON is valid UTF-8 whatever the bytes of a file's name. */
static void json_file_names(void **state)
{
	(void)state;
	Carenet *c = carenet_new(&options);
	assert_true(carenet_load_prelude(c));
	carenet_load_text(c, "bad\xff\xfe.care", "let x = y\n", 10);
	carenet_evaluate(c);
	StrBuf out = { 0 };
	buf_init(&out);
	carenet_write_report(c, REPORT_CHECK, FORMAT_JSON, &out);
	carenet_write_report(c, REPORT_EVAL, FORMAT_JSON, &out);
	assert_int_equal(utf8_find_invalid(out.data, out.len), (size_t)-1);
	assert_non_null(strstr(out.data, "bad\\\\x{FF}\\\\x{FE}.care"));
}

/* Text made printable: unchanged when it is (the same pointer), else each
   character a terminal would act on escaped. */
static void printable_text(void **state)
{
	(void)state;
	const char *plain = "Zorgzaam Hoogstraten \xE2\x80\x93 caf\xC3\xA9\ttab";
	assert_ptr_equal(utf8_safe_text(plain, strlen(plain)), plain);
	assert_string_equal(utf8_safe_text("a\x1B[2Jb\r\n\x7F", 9), "a\\u{1B}[2Jb\\r\\n\\u{7F}");
	assert_string_equal(utf8_safe_text("\xC2\x85\xE2\x80\xAE\xE2\x81\xA6\xEF\xBB\xBF", 11),
			    "\\u{85}\\u{202E}\\u{2066}\\u{FEFF}");
	assert_string_equal(utf8_safe_text("x\xFFy\xC3", 4), "x\\x{FF}y\\x{C3}");
}

/* A FIFO with no writer, named on the command line or imported: refused
   before it is opened for reading, which would block for ever. */
static void fifo_refused(void **state)
{
	(void)state;
	const char *dir = temp_dir();
	const char *fifo = mem_printf("%s/fifo.care", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	write_file(mem_printf("%s/plan.care", dir), "import \"./fifo.care\"\nplan p \"P\"\n");
	Carenet *c = carenet_new(&options);
	assert_true(carenet_load_prelude(c));
	assert_false(carenet_load_file(c, fifo));
	assert_true(carenet_load_file(c, mem_printf("%s/plan.care", dir)));
	carenet_evaluate(c);
	const char *text = diagnostics(c);
	assert_int_equal(occurrences(text, "not a regular file"), 2);
	remove_dir(dir);
}

static const char messy[] = "plan p \"P\" {\n    owner \"x\"\n}\n";
static const char tidy[] = "plan p \"P\" {\n  owner \"x\"\n}\n";

static const char *read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char text[4096];
	size_t n = fread(text, 1, sizeof text - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static int format_write(const char *path)
{
	const char *files[] = { path };
	return fmt_command_run(files, 1, false, true, false, NULL);
}

/* fmt --write keeps what it does not own. */
static void fmt_write_keeps_the_file(void **state)
{
	(void)state;
	const char *dir = temp_dir();
	/* a link stays a link; its target is rewritten */
	const char *target = mem_printf("%s/target.care", dir), *alias = mem_printf("%s/link.care", dir);
	write_file(target, messy);
	assert_int_equal(symlink("target.care", alias), 0);
	assert_int_equal(format_write(alias), 0);
	struct stat st;
	assert_int_equal(lstat(alias, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_string_equal(read_all(target), tidy);
	/* permissions kept, set-user-ID and set-group-ID dropped */
	const char *modes = mem_printf("%s/modes.care", dir);
	write_file(modes, messy);
	assert_int_equal(chmod(modes, 06751), 0);
	assert_int_equal(format_write(modes), 0);
	assert_int_equal(stat(modes, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0751);
	/* hard links: left alone, with the reason */
	const char *one = mem_printf("%s/one.care", dir), *two = mem_printf("%s/two.care", dir);
	write_file(one, messy);
	assert_int_equal(link(one, two), 0);
	assert_int_equal(format_write(one), 2);
	assert_string_equal(read_all(two), messy);
	/* a long name (the temporary file's name is short) */
	char name[256];
	memset(name, 'x', 250);
	strcpy(name + 250, ".care");
	const char *longer = mem_printf("%s/%s", dir, name);
	write_file(longer, messy);
	assert_int_equal(format_write(longer), 0);
	assert_string_equal(read_all(longer), tidy);
	/* an edit made while fmt ran is not overwritten */
	const char *edited = mem_printf("%s/edited.care", dir);
	write_file(edited, "plan p \"P\" {\n    owner \"y\"\n}\n");
	StrBuf original = { (char *)messy, sizeof messy - 1, sizeof messy }, formatted = { (char *)tidy, sizeof tidy - 1, sizeof tidy };
	const char *why = fmt_command_replace(edited, &original, &formatted);
	assert_non_null(why);
	assert_non_null(strstr(why, "changed while"));
	assert_string_equal(read_all(edited), "plan p \"P\" {\n    owner \"y\"\n}\n");
	remove_dir(dir);
}

/* A full disk under fmt --write: the temporary file cannot be written
   (simulated with a file-size limit, as a full disk fails the write); the
   plan is left as it was and no temporary file stays behind. */
static void fmt_write_on_a_full_disk(void **state)
{
	(void)state;
	const char *dir = temp_dir();
	const char *plan = mem_printf("%s/full.care", dir);
	write_file(plan, messy);
	StrBuf original = { (char *)messy, sizeof messy - 1, sizeof messy }, formatted = { (char *)tidy, sizeof tidy - 1, sizeof tidy };
	struct rlimit before, small;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &before), 0);
	small = before;
	small.rlim_cur = 4; /* fewer bytes than the layout */
	void (*old)(int) = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	const char *why = fmt_command_replace(plan, &original, &formatted);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &before), 0);
	signal(SIGXFSZ, old);
	assert_non_null(why);
	assert_string_equal(read_all(plan), messy);
	DIR *d = opendir(dir);
	assert_non_null(d);
	int entries = 0;
	for (struct dirent *e; (e = readdir(d));)
		entries += e->d_name[0] != '.';
	closedir(d);
	assert_int_equal(entries, 1); /* only the plan */
	remove_dir(dir);
}

/* fmt --check runs diff on temporary files whose names may start with '-'
   (TMPDIR=-t): they come after "--". */
static void fmt_check_names_after_dashes(void **state)
{
	(void)state;
	const char *dir = temp_dir();
	char here[4096];
	assert_non_null(getcwd(here, sizeof here));
	assert_int_equal(chdir(dir), 0);
	assert_int_equal(mkdir("-t", 0700), 0);
	write_file("plan.care", messy);
	setenv("TMPDIR", "-t", 1);
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	int fd = open("diff.out", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, STDOUT_FILENO);
	const char *files[] = { "plan.care" };
	int status = fmt_command_run(files, 1, true, false, false, NULL);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(fd);
	close(saved);
	unsetenv("TMPDIR");
	assert_int_equal(status, 1);
	assert_non_null(strstr(read_all("diff.out"), "+  owner \"x\""));
	assert_int_equal(chdir(here), 0);
	remove_dir(dir);
}

int main(void)
{
	mem_init();
	setenv("CARENET_PATH", "stdlib", 0); /* make runs the tests from the top of the tree, in every build */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(import_chain),
		cmocka_unit_test(deep_member_bodies),
		cmocka_unit_test(let_chain),
		cmocka_unit_test(errors_kept_first),
		cmocka_unit_test(json_file_names),
		cmocka_unit_test(printable_text),
		cmocka_unit_test(fifo_refused),
		cmocka_unit_test(fmt_write_keeps_the_file),
		cmocka_unit_test(fmt_write_on_a_full_disk),
		cmocka_unit_test(fmt_check_names_after_dashes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
