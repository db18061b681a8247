package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Runs a {@link SimRouterTest} once per router kind and gives each run its {@link SimLab}. */
final class SimLabExtension implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SimLabExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(SimRouterTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        RouterKind[] chosen = context.getRequiredTestMethod().getAnnotation(SimRouterTest.class).value();
        List<RouterKind> kinds = chosen.length == 0 ? RouterKind.managedKinds() : Arrays.asList(chosen);
        return kinds.stream().map(Invocation::new);
    }

    private record Invocation(RouterKind kind) implements TestTemplateInvocationContext, ParameterResolver {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + invocationIndex + "] " + kind;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SimLab.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(SimLab.class, k -> {
                try {
                    return SimLab.start(kind);
                } catch (Exception e) {
                    throw new ParameterResolutionException("could not start a simulated " + kind + " router", e);
                }
            }, SimLab.class);
        }
    }
}
