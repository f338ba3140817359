package io.fastsync.client.cli;

import io.fastsync.client.pull.PullListener;
import io.fastsync.client.pull.PullProgress;
import java.io.PrintStream;

/**
 * Shows a long pull, a long push and an import on stderr. A pull's bar appears once the first
 * page says more follow, so a one-page pull prints nothing; the protocol tells no total, so it
 * shows activity, pages and objects, not a percentage. A push's bar appears from its second
 * batch, with the objects answered out of those pending. On a terminal a bar redraws one line;
 * otherwise it prints every tenth step.
 */
final class ProgressBar implements PullListener, io.fastsync.client.SyncListener {

    private static final int WIDTH = 24;
    private static final int BLOCK = 4;

    private final PrintStream err;
    private final boolean terminal;
    private boolean shown;

    ProgressBar(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void pageApplied(PullProgress p) {
        if (!shown && !p.hasMore()) {
            return;
        }
        shown = true;
        String line = "pulling " + bar(p.pages()) + " " + p.pages() + (p.pages() == 1 ? " page, " : " pages, ")
                + p.objects() + " objects" + (p.hasMore() ? "" : ", done");
        if (terminal) {
            err.print("\r" + line + (p.hasMore() ? "" : System.lineSeparator()));
            err.flush();
        } else if (p.pages() % 10 == 1 || !p.hasMore()) {
            err.println(line);
        }
        if (!p.hasMore()) {
            shown = false;
        }
    }

    /**
     * A count towards a known total (an import): a percentage, redrawn on a terminal, every tenth
     * otherwise; shown only past 100 items, so a small file prints nothing but its summary.
     */
    void counted(String what, int done, int total) {
        if (total <= 100) {
            return;
        }
        int percent = (int) (100L * done / total);
        int before = (int) (100L * (done - 1) / total);
        if (done != total && percent == before) {
            return;
        }
        String line = what + " [" + "#".repeat(percent * WIDTH / 100) + " ".repeat(WIDTH - percent * WIDTH / 100) + "] "
                + done + "/" + total;
        if (terminal) {
            err.print("\r" + line + (done == total ? System.lineSeparator() : ""));
            err.flush();
        } else if (percent % 10 == 0) {
            err.println(line);
        }
    }

    /** A long push (more than one batch): objects answered out of those pending when it began. */
    @Override
    public void pushProgress(int batches, long objects, long pending) {
        if (batches == 1 && objects >= pending) {
            return;
        }
        int percent = (int) (100L * objects / Math.max(1, pending));
        String line = "pushing [" + "#".repeat(percent * WIDTH / 100) + " ".repeat(WIDTH - percent * WIDTH / 100) + "] "
                + objects + "/" + pending + " objects, " + batches + (batches == 1 ? " batch" : " batches");
        boolean done = objects >= pending;
        if (terminal) {
            err.print("\r" + line + (done ? System.lineSeparator() : ""));
            err.flush();
        } else if (batches % 10 == 1 || done) {
            err.println(line);
        }
    }

    /** Ends a bar left unfinished by a failed pull, so that the error starts on its own line. */
    void endLine() {
        if (shown && terminal) {
            err.println();
        }
        shown = false;
    }

    /** A block that sweeps back and forth, one step per page. */
    private static String bar(int pages) {
        int span = WIDTH - BLOCK;
        int step = pages % (2 * span);
        int at = step <= span ? step : 2 * span - step;
        return "[" + " ".repeat(at) + "#".repeat(BLOCK) + " ".repeat(span - at) + "]";
    }
}
