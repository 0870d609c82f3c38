package org.gridpatrol.web.security;

import org.gridpatrol.geo.access.Role;
import org.gridpatrol.data.user.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Looks logins up in the {@code app_user} table. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    public AccountUserDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(username)
                .map(a -> new GridpatrolUser(a.username(), a.passwordHash(), a.enabled(), Role.of(a.role()), a.jurisdictionId()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
