package io.fastsync.it.securedshop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The shop with its own security: the container (Payara's MicroProfile JWT) authenticates each
 * request, and FastSync, in container mode, takes the caller from it.
 */
@ApplicationPath("api")
@ApplicationScoped // a bean, so that the container's CDI extension sees @LoginConfig under annotated discovery
@LoginConfig(authMethod = "MP-JWT")
public class SecuredShopApplication extends Application {}
