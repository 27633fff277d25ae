namespace Matcher.MLNet; internal static class Placeholder;
