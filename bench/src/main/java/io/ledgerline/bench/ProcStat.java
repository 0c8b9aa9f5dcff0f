package io.ledgerline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one reader of a process's or thread's CPU time from Linux's {@code /proc/.../stat}. */
public final class ProcStat {

    /** Field numbers in proc(5), counting the pid as 1 and the command name as 2. */
    private static final int UTIME_FIELD = 14;

    private static final int STIME_FIELD = 15;
    private static final int FIRST_FIELD_AFTER_NAME = 3;

    private ProcStat() {}

    /** User + system clock ticks of {@code statFile}, or -1 when it cannot be read. */
    public static long cpuTicks(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // The command name in parentheses may hold spaces; the numbered fields follow it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[UTIME_FIELD - FIRST_FIELD_AFTER_NAME])
                    + Long.parseLong(fields[STIME_FIELD - FIRST_FIELD_AFTER_NAME]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
