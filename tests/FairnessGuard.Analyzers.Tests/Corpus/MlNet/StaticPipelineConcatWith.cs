// An income classifier written against the static pipeline API: the text reader declares the census
// columns as a typed tuple, and the features are concatenated with ConcatWith. Sex and Race are read
// but never reach the trainer; nothing constrains the outputs.
using System;
using Microsoft.ML;
using Microsoft.ML.StaticPipe;

namespace Census.Static;

public static class IncomeModel
{
    public static void TrainAndReport(MLContext ml, IMultiStreamSource train, IMultiStreamSource test)
    {
        var reader = TextLoaderStatic.CreateReader(ml, ctx => (
                Label: ctx.LoadBool(0),
                EducationNum: ctx.LoadFloat(1),
                CapitalGain: ctx.LoadFloat(2),
                CapitalLoss: ctx.LoadFloat(3),
                Sex: ctx.LoadText(4),
                Race: ctx.LoadText(5),
                HoursPerWeek: ctx.LoadFloat(6)),
            separator: ',', hasHeader: true);

        var pipeline = reader.MakeNewEstimator()
            .Append(row => (
                row.Label,
                Features: {|FG0001:{|FG0001:row.EducationNum.ConcatWith(row.CapitalGain, row.CapitalLoss, row.HoursPerWeek)|}|}))
            .Append(row => (
                row.Label,
                Score: ml.BinaryClassification.Trainers.Sdca(row.Label, row.Features, maxIterations: 20)));

        var model = pipeline.Fit(reader.Read(train));
        var scored = model.Transform(reader.Read(test));
        Console.WriteLine(scored.AsDynamic.Schema);
    }
}
