package com.creatorcampaignpro.platform;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleScope;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Callable;

/**
 * SqlObject DAOs built once, whose calls run on the right handle: inside {@code jdbi.withHandle}
 * (or {@code inTransaction}, ...) on the same Jdbi, that handle; inside a Spring transaction (or
 * any transaction-synchronization scope) one handle per scope, on the transaction's connection;
 * otherwise a handle for the call, closed when it returns, as {@code Jdbi.onDemand} does.
 *
 * <p>Why not {@code onDemand}: it attaches the SqlObject anew on every call, building and warming
 * a handler for each method of the interface (jdbi {@code Extensions.findFor} ->
 * {@code ExtensionHandlerInvoker.<init>} -> {@code warm}), each with a fresh config copy whose
 * mapper cache starts empty; that measured a fifth of a campaign GET and most of its allocation.
 * JDBI 3.55 caches the interface metadata (jdbi/jdbi#2991) but not these invokers; jdbi/jdbi#2617
 * (open) traces the same per-call cost, and the maintainers' advice is to reuse what was built
 * (#2406). Its Spring module attaches per call as well. A bean cannot hold a handle, so here the
 * SqlObject is attached once to a
 * {@link HandleSupplier} that finds the current handle at each call. Like JDBI's own suppliers it
 * switches the handle to the called method's extension context (its {@code @RegisterRowMapper}s
 * and so on) for the duration of the call; that switch is package-private in JDBI, hence the one
 * method handle below, checked at start-up. Each method's config is then shared by all threads, as
 * the Jdbi's own config is: ConfigRegistry is concurrent and every statement works on a copy.
 */
public final class SpringSqlObjects {
    private static final MethodHandle ACCEPT_EXTENSION_CONTEXT = acceptExtensionContext();

    private final Jdbi jdbi;
    private final ScopedHandleSupplier handles = new ScopedHandleSupplier();

    public SpringSqlObjects(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The DAO of this type; thread-safe, one instance per type is enough. */
    public <T> T create(Class<T> type) {
        return jdbi.getConfig(Extensions.class).findFor(type, handles)
                .orElseThrow(() -> new IllegalArgumentException(type + " is not a JDBI extension type"));
    }

    private final class ScopedHandleSupplier implements HandleSupplier {
        /** The handle of the call in progress on this thread (nested DAO calls share it). */
        private final ThreadLocal<Call> current = new ThreadLocal<>();

        @Override
        public Handle getHandle() {
            Call call = current.get();
            if (call == null) {
                throw new IllegalStateException("a SqlObject handle is only available during a DAO call");
            }
            return call.handle;
        }

        @Override
        public Jdbi getJdbi() {
            return jdbi;
        }

        @Override
        public ConfigRegistry getConfig() {
            return jdbi.getConfig();
        }

        @Override
        public <V> V invokeInContext(ExtensionContext context, Callable<V> task) throws Exception {
            Call call = current.get();
            if (call != null) {
                return call.run(context, task); // a DAO called from a DAO's default method: same handle
            }
            HandleScope scope = jdbi.getHandleScope();
            HandleSupplier enclosing = scope.get();
            if (enclosing != null) {
                // Inside jdbi.withHandle / inTransaction / withExtension on this Jdbi: that handle, as
                // onDemand would (JDBI's Spring binder gives it priority over the Spring transaction too).
                return enclosing.invokeInContext(context, () -> {
                    current.set(new Call(enclosing.getHandle(), false, context));
                    try {
                        return task.call();
                    } finally {
                        current.remove();
                    }
                });
            }
            call = TransactionSynchronizationManager.isSynchronizationActive()
                    ? new Call(scopeHandle(), false, null) : new Call(jdbi.open(), true, null);
            current.set(call);
            // Like onDemand: jdbi.withHandle or onDemand inside a default method joins this call's handle.
            scope.set(this);
            try {
                return call.run(context, task);
            } finally {
                scope.clear();
                current.remove();
                if (call.ownsHandle) {
                    call.handle.close();
                }
            }
        }

        /**
         * The handle of the current transaction-synchronization scope, opened on its first DAO call
         * (its connection is the transaction's, through the SpringConnectionFactory under
         * the Jdbi) and closed when the scope completes.
         */
        private Handle scopeHandle() {
            Handle bound = (Handle) TransactionSynchronizationManager.getResource(SpringSqlObjects.this);
            if (bound != null) {
                return bound;
            }
            Handle handle = jdbi.open();
            TransactionSynchronizationManager.bindResource(SpringSqlObjects.this, handle);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(SpringSqlObjects.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(SpringSqlObjects.this, handle);
                }

                @Override
                public void beforeCompletion() {
                    // Before commit or rollback, while the connection is still the transaction's:
                    // closing releases JDBI's statements; the connection stays with Spring.
                    TransactionSynchronizationManager.unbindResourceIfPossible(SpringSqlObjects.this);
                    handle.close();
                }

                @Override
                public void afterCompletion(int status) {
                    // A handle opened by an after-commit callback has had no beforeCompletion.
                    TransactionSynchronizationManager.unbindResourceIfPossible(SpringSqlObjects.this);
                    handle.close();
                }
            });
            return handle;
        }
    }

    private static final class Call {
        final Handle handle;
        final boolean ownsHandle;
        /** The extension context the handle is in; restored when a method's call returns. */
        private ExtensionContext context;

        Call(Handle handle, boolean ownsHandle, ExtensionContext context) {
            this.handle = handle;
            this.ownsHandle = ownsHandle;
            this.context = context;
        }

        <V> V run(ExtensionContext next, Callable<V> task) throws Exception {
            ExtensionContext previous = context;
            enter(next);
            try {
                return task.call();
            } finally {
                enter(previous);
            }
        }

        private void enter(ExtensionContext next) {
            context = next;
            try {
                ACCEPT_EXTENSION_CONTEXT.invoke(handle, next);
            } catch (Throwable e) {
                throw new IllegalStateException("JDBI refused the extension context", e);
            }
        }
    }

    private static MethodHandle acceptExtensionContext() {
        try {
            return MethodHandles.privateLookupIn(Handle.class, MethodHandles.lookup()).findVirtual(Handle.class,
                    "acceptExtensionContext", MethodType.methodType(Handle.class, ExtensionContext.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("this JDBI version has no Handle.acceptExtensionContext(ExtensionContext);"
                    + " SpringSqlObjects must follow JDBI's HandleSupplier contract anew: " + e);
        }
    }
}
