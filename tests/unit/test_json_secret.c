/* The JSON printers: compact for protocol replies, and the indented
 * layout docker itself writes for its config.json. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "../../protocol/buf.h"
#include "../../protocol/json_secret.h"

static void
print(const char *json, int formatted, struct buf *out)
{
	cJSON *root = cJSON_Parse(json);
	struct buf empty = BUF_INIT(1 << 20);

	assert_non_null(root);
	*out = empty;
	assert_int_equal(formatted ? json_print_formatted_wiped(root, out)
	                           : json_print_wiped(root, out),
	    0);
	json_delete_wiped(root);
}

static void
test_compact(void **state)
{
	struct buf out;

	(void)state;
	print("{ \"a\" : [1, 2], \"b\": {} }", 0, &out);
	assert_string_equal(out.data, "{\"a\":[1,2],\"b\":{}}\n");
	buf_release(&out);
}

/* What Go's json.MarshalIndent(v, "", "\t") gives for the same document,
 * but for the array, which cJSON keeps on one line. */
static void
test_docker_layout(void **state)
{
	struct buf out;

	(void)state;
	print("{\"auths\":{\"r.io\":{}},\"credHelpers\":{\"h\":\"x:\\ty\"},"
	      "\"n\":[1,2],\"e\":[],\"s\":\"{\\n}\"}",
	    1, &out);
	assert_string_equal(out.data, "{\n"
	                              "\t\"auths\": {\n"
	                              "\t\t\"r.io\": {}\n"
	                              "\t},\n"
	                              "\t\"credHelpers\": {\n"
	                              "\t\t\"h\": \"x:\\ty\"\n"
	                              "\t},\n"
	                              "\t\"n\": [1, 2],\n"
	                              "\t\"e\": [],\n"
	                              "\t\"s\": \"{\\n}\"\n"
	                              "}\n");
	buf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_compact),
	    cmocka_unit_test(test_docker_layout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
