package org.gridpatrol.web;

import org.gridpatrol.web.security.DemoAccounts;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints where the map is served and the logins set at this start. Goes to the console only (not
 * the log), since it can hold a generated password.
 */
@Component
class StartupBanner {

    private final DemoAccounts accounts;
    private final Environment environment;

    StartupBanner(DemoAccounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        StringBuilder text = new StringBuilder()
                .append("\n  gridpatrol 网格巡防 is serving the web map at http://localhost:").append(port).append("/\n");
        if (!accounts.usernames().isEmpty()) {
            text.append("  Logins 登录: ").append(String.join(", ", accounts.usernames()))
                    .append("  password 密码: ").append(accounts.passwordForConsole()).append('\n');
        }
        text.append("  Press Ctrl-C to stop (the local PostGIS stops with it).\n");
        System.out.println(text);
    }
}
