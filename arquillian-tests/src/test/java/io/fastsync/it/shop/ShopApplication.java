package io.fastsync.it.shop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application's JAX-RS root; FastSync's resources from the classes jar sit at api/push and api/pull. */
@ApplicationPath("api")
public class ShopApplication extends Application {}
