package org.gridpatrol.bench;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A data source that adds up the CPU time of the PostgreSQL backends behind its connections (user +
 * system time from {@code /proc/PID/stat}, read when a connection closes; the cluster runs on this
 * machine). CPU seconds move far less with the machine's load than wall seconds, so a loaded run
 * still says how much work each side did. Linux only; 0 where {@code /proc} cannot be read.
 */
final class CpuCountingDataSource implements DataSource {

    private final DataSource target;
    private final AtomicLong ticks = new AtomicLong();

    CpuCountingDataSource(DataSource target) {
        this.target = target;
    }

    /** CPU seconds of the backends of connections closed so far. */
    double backendSeconds() {
        return ticks.get() / 100.0; // USER_HZ
    }

    /** This JVM's CPU seconds so far (all threads, GC included). */
    static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** user + system ticks of a process, or 0. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(target.getConnection(username, password));
    }

    private Connection counted(Connection c) throws SQLException {
        long pid = backendPid(c);
        long start = ticks(pid);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("close") && !c.isClosed()) {
                ticks.addAndGet(ticks(pid) - start);
            }
            try {
                return method.invoke(c, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
