#include "keyring_deadline.h"
#include "keyring_report.h"

static struct {
	GMutex lock;
	GCond cond;
	GThread *thread;
	GCancellable *cancel;
	gint64 end;
	unsigned seconds;
	bool stopping;
	bool fired;
} dl;

static gpointer
watch(gpointer unused)
{
	(void)unused;
	g_mutex_lock(&dl.lock);
	while (!dl.stopping) {
		if (!g_cond_wait_until(&dl.cond, &dl.lock, dl.end)) {
			dl.fired = true;
			g_cancellable_cancel(dl.cancel);
			break;
		}
	}
	g_mutex_unlock(&dl.lock);
	return NULL;
}

GCancellable *
deadline_start(void)
{
	dl.stopping = false;
	dl.fired = false;
	dl.seconds = keyring_timeout_seconds();
	dl.end = g_get_monotonic_time() + (gint64)dl.seconds * G_USEC_PER_SEC;
	dl.cancel = g_cancellable_new();
	dl.thread = g_thread_new("deadline", watch, NULL);
	return dl.cancel;
}

void
deadline_stop(void)
{
	if (dl.thread == NULL)
		return;
	g_mutex_lock(&dl.lock);
	dl.stopping = true;
	g_cond_signal(&dl.cond);
	g_mutex_unlock(&dl.lock);
	g_thread_join(dl.thread);
	g_object_unref(dl.cancel);
	dl.thread = NULL;
	dl.cancel = NULL;
}

bool
deadline_fired(void)
{
	return dl.fired;
}

unsigned
deadline_seconds(void)
{
	return dl.seconds ? dl.seconds : keyring_timeout_seconds();
}
